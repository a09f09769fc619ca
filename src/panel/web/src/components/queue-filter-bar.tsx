/** The queue's filters: statuses (with their counts), category, zone, channel, days and order. */
import { CHANNELS } from '../../../../domain/message';
import { OPEN_STATUSES, REPORT_STATUSES } from '../../../../domain/report';
import type { Meta, ReportCounts, ReportStatus } from '../api/types';
import { CHANNEL_LABELS, STATUS_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { CategoryZoneSelects } from './category-zone-selects';
import { DEFAULT_FILTERS, type QueueFilters } from '../lib/queue-filters';

type Props = { filters: QueueFilters; counts: ReportCounts | undefined; meta: Meta | undefined; onChange(f: QueueFilters): void };

export function QueueFilterBar({ filters, counts, meta, onChange }: Props) {
  const { t, language } = useI18n();
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const toggleStatus = (s: ReportStatus, on: boolean) => {
    const next = on ? [...filters.statuses, s] : filters.statuses.filter((x) => x !== s);
    if (next.length) set({ statuses: next });
  };
  return (
    <form className="filter-bar" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="status-filter">
        <legend>
          {t('filterStatus')} <span className="sr-only">({t('countsLabel')})</span>
        </legend>
        <div className="status-chips">
          {REPORT_STATUSES.map((s) => {
            const checked = filters.statuses.includes(s);
            return (
              <label key={s} className={`status-chip status-${s} ${checked ? 'is-checked' : ''}`} data-testid={`count-${s}`}>
                <input type="checkbox" checked={checked} onChange={(e) => toggleStatus(s, e.target.checked)} />
                <span className="chip-label">{STATUS_LABELS[language][s]}</span>
                <span className="chip-count">{counts ? (counts[s] ?? 0) : '…'}</span>
              </label>
            );
          })}
          <button type="button" className="button-link" onClick={() => set({ statuses: [...OPEN_STATUSES] })}>
            {t('openStatuses')}
          </button>
          <button type="button" className="button-link" onClick={() => set({ statuses: [...REPORT_STATUSES] })}>
            {t('all')}
          </button>
        </div>
      </fieldset>
      <div className="filter-row">
        <CategoryZoneSelects meta={meta} idPrefix="f" category={filters.category} zone={filters.zone} onChange={set} />
        <div className="field field-inline">
          <label htmlFor="f-channel">{t('filterChannel')}</label>
          <select id="f-channel" value={filters.channel} onChange={(e) => set({ channel: e.target.value as QueueFilters['channel'] })}>
            <option value="">{t('allMasc')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[language][c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="f-from">{t('filterFrom')}</label>
          <input
            id="f-from"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="f-to">{t('filterTo')}</label>
          <input id="f-to" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="field field-inline">
          <label htmlFor="f-assigned">{t('filterAssigned')}</label>
          <select id="f-assigned" value={filters.assigned} onChange={(e) => set({ assigned: e.target.value as QueueFilters['assigned'] })}>
            <option value="">{t('assignedAll')}</option>
            <option value="mine">{t('assignedMine')}</option>
            <option value="team">{t('assignedTeam')}</option>
            <option value="unassigned">{t('assignedNone')}</option>
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="f-sort">{t('filterSort')}</label>
          <select id="f-sort" value={filters.sort} onChange={(e) => set({ sort: e.target.value === 'newest' ? 'newest' : 'priority' })}>
            <option value="priority">{t('sortPriority')}</option>
            <option value="newest">{t('sortNewest')}</option>
          </select>
        </div>
        <button type="button" className="button-secondary" onClick={() => onChange(DEFAULT_FILTERS)}>
          {t('resetFilters')}
        </button>
      </div>
    </form>
  );
}
