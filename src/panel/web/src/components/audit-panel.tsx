/** For supervisors and admins: who did what on this report, including identity reveals and photo views. */
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../api/client';
import type { PanelAction } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { ACTION_LABEL } from './action-panel';
import { ErrorNotice } from './error-notice';

type AuditEvent = { at: string; actor: string; actorName?: string; action: string; details?: Record<string, unknown> };

export function AuditPanel({ reportId, version }: { reportId: string; version: number }) {
  const { t, language } = useI18n();
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const load = useCallback(async () => {
    try {
      const r = await apiRequest<{ events: AuditEvent[] }>(`/api/audit?reportId=${encodeURIComponent(reportId)}`, { background: true });
      setEvents(r.events);
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, [reportId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const what = (action: string) =>
    action === 'photo.view'
      ? t('auditPhotoView')
      : action === 'identity.reveal'
        ? t('auditIdentityReveal')
        : action in ACTION_LABEL
          ? t(ACTION_LABEL[action as PanelAction])
          : action;

  return (
    <section className="panel-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {events && events.length === 0 ? <p className="hint">{t('auditEmpty')}</p> : null}
      {events && events.length > 0 ? (
        <ul className="audit-list" data-testid="audit-log">
          {[...events].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDateTime(e.at, language)}</time> <strong>{e.actorName ?? e.actor}</strong> {what(e.action)}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button-link" onClick={() => void load()}>
        {t('refresh')}
      </button>
    </section>
  );
}
