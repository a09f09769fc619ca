/** The citizen's identity stays hidden until the agent asks for it; the server audits every reveal. */
import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '../api/client';
import type { Identity } from '../api/types';
import { CHANNEL_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';
import { useAccountText } from '../i18n/account.dictionary';

const REASON_MIN = 10;

export function IdentityPanel({ reportId }: { reportId: string }) {
  const { t, language } = useI18n();
  const [identity, setIdentity] = useState<Identity | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const at = useAccountText();
  const shown = useRef<HTMLDListElement>(null);
  useEffect(() => {
    if (identity) shown.current?.focus();
  }, [identity]);
  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await apiRequest<{ identity: Identity }>(`/api/reports/${encodeURIComponent(reportId)}/reveal-identity`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      setIdentity(r.identity);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel-section identity" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identityTitle')}</h2>
      {identity ? (
        <dl className="facts facts-compact" data-testid="identity" tabIndex={-1} ref={shown}>
          <dt>{t('fieldChannel')}</dt>
          <dd>{CHANNEL_LABELS[language][identity.channel] ?? identity.channel}</dd>
          <dt>{t('identityName')}</dt>
          <dd>{identity.displayName ?? t('notAvailable')}</dd>
          <dt>{t('identityPhone')}</dt>
          <dd>{identity.phone ?? t('notAvailable')}</dd>
          <dt>{t('identityUsername')}</dt>
          <dd>{identity.username ? `@${identity.username}` : t('notAvailable')}</dd>
          <dt>{t('identityReachable')}</dt>
          <dd>{identity.reachable ? t('yes') : t('no')}</dd>
        </dl>
      ) : (
        <>
          <p className="hint">{t('identityHidden')}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void reveal();
            }}
          >
            <div className="field">
              <label htmlFor="reveal-reason">{at('revealReason')}</label>
              <textarea
                id="reveal-reason"
                rows={2}
                maxLength={500}
                required
                aria-describedby="reveal-reason-hint"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <p id="reveal-reason-hint" className="hint">
                {at('revealReasonHint')}
              </p>
            </div>
            <button type="submit" className="button-secondary" disabled={busy || reason.trim().length < REASON_MIN}>
              {t('identityReveal')}
            </button>
          </form>
        </>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
