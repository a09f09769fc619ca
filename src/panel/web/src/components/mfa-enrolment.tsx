/**
 * Setting up two-step verification: the QR code (and the key as text), the first code to confirm,
 * then the recovery codes, shown once. Used on the forced enrolment page and in "My account".
 */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { useAccountText } from '../i18n/account.dictionary';
import { ErrorNotice } from './error-notice';
import { RecoveryCodes } from './recovery-codes';

type Setup = { otpauthUrl: string; qrDataUrl: string; secret: string };

export function MfaEnrolment({ onDone }: { onDone(): void }) {
  const at = useAccountText();
  const [setup, setSetup] = useState<Setup | undefined>(undefined);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setSetup(await apiRequest<Setup>('/api/auth/mfa/setup', { method: 'POST' })));
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await apiRequest<{ recoveryCodes: string[] }>('/api/auth/mfa/enable', { method: 'POST', body: { code: code.trim() } });
      setCodes(r.recoveryCodes);
    });
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  return (
    <div className="mfa-enrolment">
      <p>{at('enrolIntro')}</p>
      {setup ? (
        <>
          <img src={setup.qrDataUrl} alt={at('enrolManual')} width={240} height={240} data-testid="mfa-qr" />
          <p>
            {at('enrolManual')} <code data-testid="mfa-secret">{setup.secret}</code>
          </p>
          <form onSubmit={confirm}>
            <div className="field">
              <label htmlFor="mfa-enrol-code">{at('mfaCode')}</label>
              <input
                id="mfa-enrol-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                maxLength={8}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <button type="submit" className="button-primary" disabled={busy}>
              {at('enrolConfirm')}
            </button>
          </form>
        </>
      ) : (
        <button type="button" className="button-primary" onClick={() => void start()} disabled={busy}>
          {at('enrolStart')}
        </button>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
