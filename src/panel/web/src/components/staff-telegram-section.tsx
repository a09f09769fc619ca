/**
 * The account page's staff bot section: link this operator's Telegram with a one-time code (shown
 * once, valid a few minutes), see since when it is linked, unlink it. Supervisors and admins also
 * say here who is on call (paged outside service hours).
 */
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useStaffText } from '../i18n/staff.dictionary';
import { useOperator } from '../lib/auth';
import { ErrorNotice } from './error-notice';

type LinkStatus = { enabled: boolean; linked: boolean; linkedAt?: string; codeExpiresAt?: string; onCall: boolean };
type LinkedOperator = { username: string; displayName: string; onCall: boolean };

const localTime = (iso: string, lang: 'it' | 'en') => new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'it-IT', { hour: '2-digit', minute: '2-digit' });

export function StaffTelegramSection() {
  const sf = useStaffText();
  const { language } = useI18n();
  const operator = useOperator();
  const [status, setStatus] = useState<LinkStatus | undefined>(undefined);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const load = useCallback(() => apiRequest<LinkStatus>('/api/staff/me').then(setStatus, setError), []);
  useEffect(() => void load(), [load]);

  const newCode = async () => {
    setError(undefined);
    setNotice('');
    try {
      setCode(await apiRequest<{ code: string; expiresAt: string }>('/api/staff/me/code', { method: 'POST' }));
    } catch (err) {
      setError(err);
    }
  };
  const unlink = async () => {
    setError(undefined);
    try {
      await apiRequest('/api/staff/me', { method: 'DELETE' });
      setCode(undefined);
      setNotice(sf('telegramUnlinked'));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel-section" aria-labelledby="telegram-title">
      <h2 id="telegram-title">{sf('telegramTitle')}</h2>
      {!status ? null : !status.enabled ? (
        <p className="hint">{sf('telegramOff')}</p>
      ) : (
        <>
          <p>{sf('telegramIntro')}</p>
          <p data-testid="telegram-status">
            {status.linked && status.linkedAt
              ? sf('telegramLinked', { date: new Date(status.linkedAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'it-IT') })
              : sf('telegramNotLinked')}
            {status.onCall ? ` ${sf('telegramOnCall')}` : ''}
          </p>
          {code ? (
            <p className="notice notice-success" role="status" data-testid="telegram-code">
              {sf('telegramCode', { code: code.code, time: localTime(code.expiresAt, language) })}
            </p>
          ) : null}
          {notice ? (
            <p className="notice notice-success" role="status">
              {notice}
            </p>
          ) : null}
          <div className="form-buttons">
            <button type="button" className="button-secondary" onClick={() => void newCode()}>
              {sf('telegramNewCode')}
            </button>
            {status.linked ? (
              <button type="button" className="button-link" onClick={() => void unlink()}>
                {sf('telegramUnlink')}
              </button>
            ) : null}
          </div>
        </>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {status?.enabled && (operator.role === 'supervisor' || operator.role === 'admin') ? <OnCallList /> : null}
    </section>
  );
}

function OnCallList() {
  const sf = useStaffText();
  const [operators, setOperators] = useState<LinkedOperator[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const load = useCallback(() => apiRequest<{ operators: LinkedOperator[] }>('/api/staff/operators').then((r) => setOperators(r.operators), setError), []);
  useEffect(() => void load(), [load]);
  const toggle = async (o: LinkedOperator) => {
    setError(undefined);
    try {
      await apiRequest(`/api/staff/operators/${encodeURIComponent(o.username)}/on-call`, { method: 'PUT', body: { onCall: !o.onCall } });
      await load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div aria-labelledby="on-call-title">
      <h3 id="on-call-title">{sf('onCallTitle')}</h3>
      <p className="hint">{sf('onCallIntro')}</p>
      {operators.length === 0 ? <p>{sf('onCallNone')}</p> : null}
      {operators.map((o) => (
        <label key={o.username} className="checkbox">
          <input type="checkbox" checked={o.onCall} onChange={() => void toggle(o)} />
          {sf('onCallToggle', { name: o.displayName })}
        </label>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
