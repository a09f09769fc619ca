/** The operator's own account: change the password, two-step verification, log out everywhere. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest, setCsrfToken } from '../api/client';
import type { SessionInfo } from '../api/types';
import { ErrorNotice } from '../components/error-notice';
import { MfaEnrolment } from '../components/mfa-enrolment';
import { PageHeading } from '../components/page-heading';
import { RecoveryCodes } from '../components/recovery-codes';
import { StaffTelegramSection } from '../components/staff-telegram-section';
import { useAccountText } from '../i18n/account.dictionary';
import { useAuth } from '../lib/auth';

function PasswordForm() {
  const at = useAccountText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const r = await apiRequest<{ csrfToken: string }>('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      setCsrfToken(r.csrfToken);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel-section" aria-labelledby="password-title">
      <h2 id="password-title">{at('passwordTitle')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="password-current">{at('passwordCurrent')}</label>
          <input
            id="password-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password-new">{at('passwordNew')}</label>
          <input
            id="password-new"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            aria-describedby="password-hint"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <p id="password-hint" className="hint">
            {at('passwordHint')}
          </p>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {at('passwordSave')}
        </button>
      </form>
      {done ? (
        <p className="notice notice-success" role="status">
          {at('passwordChanged')}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function TwoStepSection() {
  const at = useAccountText();
  const [mfa, setMfa] = useState<SessionInfo['mfa']>(undefined);
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | undefined>(undefined);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const load = useCallback(() => apiRequest<SessionInfo>('/api/auth/me').then((r) => setMfa(r.mfa)), []);
  useEffect(() => void load(), [load]);
  const act = (fn: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    fn().then(load, setError);
  };
  if (!mfa) return null;
  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />;
  return (
    <section className="panel-section" aria-labelledby="mfa-title">
      <h2 id="mfa-title">{at('mfaStepTitle')}</h2>
      <p data-testid="mfa-state">{mfa.enabled ? at('mfaOn') : at('mfaOff')}</p>
      {mfa.enabled ? (
        <>
          <p>{at('recoveryLeft', { count: mfa.recoveryCodesLeft })}</p>
          <form
            onSubmit={act(async () => {
              const r = await apiRequest<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes', {
                method: 'POST',
                body: { code: code.trim() },
              });
              setCode('');
              setCodes(r.recoveryCodes);
            })}
          >
            <div className="field">
              <label htmlFor="mfa-renew-code">{at('mfaCode')}</label>
              <input
                id="mfa-renew-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                maxLength={8}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <button type="submit" className="button-secondary">
              {at('recoveryRenew')}
            </button>
          </form>
          {!mfa.required ? (
            <form
              onSubmit={act(async () => {
                const r = await apiRequest<{ csrfToken: string }>('/api/auth/mfa/disable', { method: 'POST', body: { password } });
                setCsrfToken(r.csrfToken);
                setPassword('');
              })}
            >
              <div className="field">
                <label htmlFor="mfa-disable-password">{at('passwordCurrent')}</label>
                <input
                  id="mfa-disable-password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
              <button type="submit" className="button-secondary">
                {at('mfaDisable')}
              </button>
            </form>
          ) : null}
        </>
      ) : enrolling ? (
        <MfaEnrolment
          onDone={() => {
            setEnrolling(false);
            void load();
          }}
        />
      ) : (
        <button type="button" className="button-primary" onClick={() => setEnrolling(true)}>
          {at('enrolTitle')}
        </button>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

export function AccountPage() {
  const at = useAccountText();
  const { signedOut } = useAuth();
  const [error, setError] = useState<unknown>(undefined);
  const everywhere = async () => {
    try {
      await apiRequest('/api/auth/logout-everywhere', { method: 'POST' });
      signedOut();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="account-page">
      <PageHeading>{at('accountTitle')}</PageHeading>
      <PasswordForm />
      <TwoStepSection />
      <StaffTelegramSection />
      <section className="panel-section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{at('sessionsTitle')}</h2>
        <p>{at('sessionsIntro')}</p>
        <button type="button" className="button-secondary" onClick={() => void everywhere()}>
          {at('logoutEverywhere')}
        </button>
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    </div>
  );
}
