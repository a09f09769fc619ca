/** Admin: operators (list, create, disable) and the WhatsApp link state with its QR code. */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, apiRequest } from '../api/client';
import type { OperatorListItem, Role, WhatsappStatus } from '../api/types';
import { ErrorNotice } from '../components/error-notice';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { PageHeading } from '../components/page-heading';
import { ROLE_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useAccountText } from '../i18n/account.dictionary';
import { useMeta } from '../lib/meta';
import { useAnnounce } from '../lib/announcer';
import { useOperator } from '../lib/auth';
import { formatDateTime } from '../lib/format';

const WHATSAPP_REFRESH_MS = 5_000;
const WHATSAPP_STATES = ['starting', 'qr', 'authenticated', 'ready', 'auth_failure', 'disconnected'] as const;

function whatsappStateText(state: string, t: ReturnType<typeof useI18n>['t']): string {
  const known = (WHATSAPP_STATES as readonly string[]).includes(state);
  return known ? t(`whatsapp_${state as (typeof WHATSAPP_STATES)[number]}`) : t('whatsappUnknown');
}
const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

export function AdminPage() {
  const { t } = useI18n();
  const operator = useOperator();
  if (operator.role !== 'admin') return <ForbiddenNotice />;
  return (
    <div className="admin-page">
      <PageHeading>{t('adminTitle')}</PageHeading>
      <div className="admin-columns">
        <OperatorsSection />
        <WhatsappSection />
      </div>
    </div>
  );
}

function OperatorsSection() {
  const at = useAccountText();
  const meta = useMeta();
  const { t, language } = useI18n();
  const announce = useAnnounce();
  const me = useOperator();
  const [operators, setOperators] = useState<OperatorListItem[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const r = await apiRequest<{ operators: OperatorListItem[] }>('/api/admin/operators');
      setOperators(r.operators);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const disable = async (o: OperatorListItem) => {
    if (!window.confirm(t('disableConfirm', { name: o.displayName }))) return;
    try {
      await apiRequest(`/api/admin/operators/${encodeURIComponent(o.username)}/disable`, { method: 'POST' });
      const text = t('operatorDisabledDone', { name: o.displayName });
      setMessage(text);
      announce(text);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const setTeam = async (o: OperatorListItem, team: string | null) => {
    try {
      await apiRequest(`/api/admin/operators/${encodeURIComponent(o.username)}/team`, { method: 'POST', body: { team } });
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const resetMfa = async (o: OperatorListItem) => {
    if (!window.confirm(`${at('resetMfa')}: ${o.displayName}?`)) return;
    try {
      await apiRequest(`/api/admin/operators/${encodeURIComponent(o.username)}/reset-mfa`, { method: 'POST' });
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel-section" aria-labelledby="operators-title">
      <h2 id="operators-title">{t('operatorsTitle')}</h2>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {message ? <p className="notice notice-success">{message}</p> : null}
      {operators ? (
        <table className="data-table" data-testid="operators-table">
          <thead>
            <tr>
              <th scope="col">{t('colUsername')}</th>
              <th scope="col">{t('colDisplayName')}</th>
              <th scope="col">{t('colRole')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col">{t('fieldTeam')}</th>
              <th scope="col">{at('mfaColumn')}</th>
              <th scope="col">{t('colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {operators.map((o) => (
              <tr key={o.username}>
                <th scope="row">{o.username}</th>
                <td>{o.displayName}</td>
                <td>{ROLE_LABELS[language][o.role] ?? o.role}</td>
                <td>{o.disabled ? t('operatorDisabled') : t('operatorActive')}</td>
                <td>
                  <select
                    aria-label={`${t('fieldTeam')}: ${o.displayName}`}
                    value={o.team ?? ''}
                    onChange={(e) => void setTeam(o, e.target.value || null)}
                  >
                    <option value="">—</option>
                    {(meta?.teams ?? []).map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name[language]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{o.mfaEnabled ? t('yes') : t('no')}</td>
                <td>
                  {o.mfaEnabled && o.username !== me.username ? (
                    <button type="button" className="button-link" onClick={() => void resetMfa(o)}>
                      {at('resetMfa')}
                    </button>
                  ) : null}
                  {o.disabled || o.username === me.username ? null : (
                    <button type="button" className="button-link" onClick={() => void disable(o)}>
                      {t('disableOperator', { name: o.username })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : !error ? (
        <p role="status">{t('loading')}</p>
      ) : null}
      <CreateOperatorForm
        onCreated={async (name) => {
          const text = t('operatorCreated', { name });
          setMessage(text);
          announce(text);
          await load();
        }}
      />
    </section>
  );
}

function CreateOperatorForm({ onCreated }: { onCreated(name: string): Promise<void> }) {
  const { t, language } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiRequest('/api/admin/operators', {
        method: 'POST',
        body: { username: username.trim(), displayName: displayName.trim(), role, password },
      });
      const name = displayName.trim();
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRole('agent');
      await onCreated(name);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 0 ? t('networkError') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="create-operator" onSubmit={submit} aria-labelledby="create-operator-title">
      <h3 id="create-operator-title">{t('createOperatorTitle')}</h3>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="op-username">{t('colUsername')}</label>
          <input
            id="op-username"
            required
            autoComplete="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="op-name">{t('fieldDisplayName')}</label>
          <input id="op-name" required autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="op-role">{t('fieldRole')}</label>
          <select id="op-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[language][r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="op-password">{t('fieldPassword')}</label>
          <input
            id="op-password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-describedby="op-password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="hint" id="op-password-hint">
            {t('fieldPasswordHint')}
          </p>
        </div>
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t('working') : t('createOperator')}
      </button>
    </form>
  );
}

function WhatsappSection() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<WhatsappStatus | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async (background = false) => {
    try {
      setStatus(await apiRequest<WhatsappStatus>('/api/admin/whatsapp', { background }));
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
    timer.current = window.setInterval(() => void load(true), WHATSAPP_REFRESH_MS);
    return () => window.clearInterval(timer.current);
  }, [load]);

  return (
    <section className="panel-section" aria-labelledby="whatsapp-title">
      <h2 id="whatsapp-title">{t('whatsappTitle')}</h2>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {status ? (
        <div data-testid="whatsapp-status">
          <p>{t('whatsappState', { state: whatsappStateText(status.state, t) })}</p>
          {status.detail ? <p className="hint">{status.detail}</p> : null}
          {status.qrDataUrl ? (
            <>
              <img className="qr" src={status.qrDataUrl} alt={t('whatsappQrAlt')} width={264} height={264} />
              <p className="hint">{t('whatsappQrHelp')}</p>
            </>
          ) : null}
          {status.updatedAt ? <p className="hint">{t('whatsappUpdated', { when: formatDateTime(status.updatedAt, language) })}</p> : null}
        </div>
      ) : null}
      <button type="button" className="button-secondary" onClick={() => void load()}>
        {t('refresh')}
      </button>
    </section>
  );
}
