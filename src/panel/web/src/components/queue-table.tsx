/** The list of reports: one row each, the ticket code is the link to the detail page. */
import type { Meta, ReportSummary } from '../api/types';
import { CHANNEL_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatDuration } from '../lib/format';
import { Link } from '../lib/router';
import { StatusBadge } from './status-badge';
import { useShiftText } from '../i18n/shift.dictionary';
import { SlaClock } from './sla-clock';

export function categoryName(meta: Meta | undefined, id: string, fallback: string | undefined, language: 'it' | 'en'): string {
  const c = meta?.categories.find((x) => x.id === id);
  return c?.labels?.[language] ?? c?.label ?? fallback ?? id;
}

/** Priority 0-100 (src/domain/priority.ts); the colour band repeats what the number says. */
export function PriorityMeter({ value }: { value: number }) {
  const band = value >= 60 ? 'high' : value >= 35 ? 'medium' : 'low';
  return <span className={`priority priority-${band}`}>{Math.round(value)}</span>;
}

type Selection = { selected: ReadonlySet<string>; toggle(id: string): void; toggleAll(ids: string[]): void };
type Props = { items: ReportSummary[]; meta: Meta | undefined; fresh: ReadonlySet<string>; caption: string; selection?: Selection };

export function QueueTable({ items, meta, fresh, caption, selection }: Props) {
  const { t, language } = useI18n();
  const st = useShiftText();
  const allSelected = Boolean(selection) && items.length > 0 && items.every((r) => selection!.selected.has(r.id));
  return (
    <table className="queue-table" data-testid="queue-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {selection ? (
            <th scope="col" className="col-select">
              <input
                type="checkbox"
                aria-label={st('selectAll')}
                checked={allSelected}
                onChange={() => selection.toggleAll(items.map((r) => r.id))}
              />
            </th>
          ) : null}
          <th scope="col" className="col-priority">
            {t('colPriority')}
          </th>
          <th scope="col">{t('colTicket')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colCategory')}</th>
          <th scope="col">{t('colPlace')}</th>
          <th scope="col">{t('colChannel')}</th>
          <th scope="col">{t('colWaiting')}</th>
          <th scope="col">{st('colSla')}</th>
          <th scope="col">{t('colAssignee')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} className={fresh.has(r.id) ? 'is-fresh' : undefined} data-report-id={r.id} data-ticket={r.ticketCode}>
            {selection ? (
              <td className="col-select">
                <input
                  type="checkbox"
                  aria-label={st('selectReport', { ticket: r.ticketCode })}
                  checked={selection.selected.has(r.id)}
                  onChange={() => selection.toggle(r.id)}
                />
              </td>
            ) : null}
            <td className="col-priority">
              <PriorityMeter value={r.priority} />
            </td>
            <th scope="row" className="col-ticket">
              <Link href={`/reports/${encodeURIComponent(r.id)}`}>{r.ticketCode}</Link>
              {fresh.has(r.id) ? <span className="fresh-badge">{t('newBadge')}</span> : null}
              {r.hasPhoto ? <span className="photo-flag">{t('colPhoto')}</span> : null}
            </th>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              {categoryName(meta, r.categoryId, r.categoryLabel, language)}
              {r.observedWords ? <span className="observed-hint">«{r.observedWords}»</span> : null}
            </td>
            <td className="col-place">
              <span className="place-address">{r.address ?? `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}`}</span>
              {r.zoneName || r.zone ? <span className="place-zone">{r.zoneName ?? r.zone}</span> : null}
            </td>
            <td>{CHANNEL_LABELS[language][r.channel] ?? r.channel}</td>
            <td className="col-waiting" title={formatDateTime(r.createdAt, language)}>
              <span>{formatDuration(r.waitingMs, language)}</span>
              <span className="waiting-service">{t('serviceTimeShort', { time: formatDuration(r.waitingServiceMs, language) })}</span>
            </td>
            <td>
              <SlaClock sla={r.sla} />
            </td>
            <td>
              {r.assignee ?? t('unassigned')}
              {r.teamName ? <span className="place-zone">{r.teamName}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
