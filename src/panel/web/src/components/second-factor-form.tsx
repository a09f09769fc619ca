/** The sign-in's second step: a TOTP code or a recovery code. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAccountText } from '../i18n/account.dictionary';
import { useAuth } from '../lib/auth';

export function SecondFactorForm({ onExpired }: { onExpired(): void }) {
  const at = useAccountText();
  const { verifyCode } = useAuth();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const r = await verifyCode(code.trim()).finally(() => setBusy(false));
    if (r.ok) return;
    if (r.expired) return onExpired();
    setError(r.message ?? at('mfaCodeWrong'));
    setCode('');
    input.current?.focus();
  };

  return (
    <form onSubmit={submit} aria-labelledby="mfa-step-title">
      <h2 id="mfa-step-title">{at('mfaStepTitle')}</h2>
      <p>{at('mfaStepIntro')}</p>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="mfa-error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="mfa-code">{at('mfaCode')}</label>
        <input
          id="mfa-code"
          ref={input}
          name="code"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={20}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {at('mfaVerify')}
      </button>
      <button type="button" className="button-secondary" onClick={onExpired}>
        {at('mfaBack')}
      </button>
    </form>
  );
}
