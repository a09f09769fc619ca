/** Sign-in form. Errors are announced (role=alert) and the focus goes back to the password. */
import { useRef, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../components/language-switch';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useAuth } from '../lib/auth';
import { SecondFactorForm } from '../components/second-factor-form';

export function LoginPage({ expired }: { expired?: boolean }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [secondStep, setSecondStep] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await login(username.trim(), password);
      if (r.ok === 'mfa') {
        setPassword('');
        setSecondStep(true);
      } else if (!r.ok) {
        setError(r.message ?? (r.messageKey ? t(r.messageKey) : undefined));
        setPassword('');
        passwordRef.current?.focus();
      }
    } catch (err) {
      setError(t('genericError', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <main id="main" className="login-card" tabIndex={-1}>
        <div className="login-top">
          <p className="brand-name">{t('appName')}</p>
          <LanguageSwitch />
        </div>
        <PageHeading>{t('loginTitle')}</PageHeading>
        <p>{t('loginIntro')}</p>
        {expired ? (
          <p className="notice notice-info" role="status">
            {t('sessionExpired')}
          </p>
        ) : null}
        {error ? (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        {secondStep ? (
          <SecondFactorForm
            onExpired={() => {
              setSecondStep(false);
              passwordRef.current?.focus();
            }}
          />
        ) : (
          <form onSubmit={submit} noValidate={false}>
            <div className="field">
              <label htmlFor="login-username">{t('username')}</label>
              <input
                id="login-username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('password')}</label>
              <input
                id="login-password"
                ref={passwordRef}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t('loginWorking') : t('loginSubmit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
