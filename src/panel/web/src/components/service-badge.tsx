/** Whether the service is open now (from /api/meta), with the next opening when closed. */
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { useMeta } from '../lib/meta';

export function ServiceBadge() {
  const meta = useMeta();
  const { t, language } = useI18n();
  if (!meta) return null;
  const { open, description, nextOpening, closures = [] } = meta.serviceHours;
  return (
    <p className={`service-badge ${open ? 'is-open' : 'is-closed'}`} title={description} data-testid="service-badge">
      <span className="dot" aria-hidden="true" />
      <span>{open ? t('serviceOpen') : t('serviceClosed')}</span>
      {!open && nextOpening ? (
        <span className="service-next"> – {t('serviceNextOpening', { when: formatDateTime(nextOpening, language) })}</span>
      ) : null}
      <span className="sr-only">. {description}</span>
      {closures.map((c) => (
        <span key={c.from} className="service-closure" data-testid="service-closure">
          {' '}
          – {t('serviceClosure', { from: c.from.replace('T', ' '), to: c.to.replace('T', ' ') })}
          {c.note ? `: ${c.note}` : ''}
        </span>
      ))}
    </p>
  );
}
