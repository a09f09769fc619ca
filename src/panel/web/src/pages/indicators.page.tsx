/**
 * Service indicators (supervisors and admins): per day, week or month, and per category, zone or
 * channel, the reports received, confirmations, outcomes, and the time to take in charge, to
 * dispatch and to close (median and 90th percentile), in service time or wall-clock time.
 * Choices live in the address. New reports and status changes refresh the table (debounced).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRequest, toQuery } from '../api/client';
import type { ClockFigures, IndicatorRow, IndicatorsResponse, Period } from '../api/territory.types';
import type { Outcome } from '../api/types';
import { CategoryZoneSelects } from '../components/category-zone-selects';
import { ErrorNotice } from '../components/error-notice';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { PageHeading } from '../components/page-heading';
import { CHANNEL_LABELS, OUTCOME_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { useShiftText } from '../i18n/shift.dictionary';
import { useTerritoryText, type TerritoryTranslate } from '../i18n/territory.dictionary';
import { useOperator } from '../lib/auth';
import { formatDuration } from '../lib/format';
import { useMeta } from '../lib/meta';
import { useRouter } from '../lib/router';
import { useReportEvents } from '../lib/server-events';
import {
  addDays,
  indicatorFiltersFromSearch,
  indicatorFiltersToApiQuery,
  indicatorFiltersToSearch,
  todayLocal,
  type Clock,
  type IndicatorFilters,
} from '../lib/territory-filters';
import '../territory.css';

const REFETCH_DEBOUNCE_MS = 1_500;

function formatPeriod(period: string, kind: Period, language: 'it' | 'en', tt: TerritoryTranslate): string {
  const [y, m, d] = period.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const locale = language === 'it' ? 'it-IT' : 'en-GB';
  if (kind === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
  return kind === 'week' ? tt('weekOf', { day }) : day;
}

function Durations({
  figures,
  clock,
  tt,
  language,
}: {
  figures: ClockFigures;
  clock: Clock;
  tt: TerritoryTranslate;
  language: 'it' | 'en';
}) {
  const f = figures[clock];
  if (!f.count) return <span className="muted">—</span>;
  return (
    <span className="durations">
      <span>
        <span className="muted">{tt('median')}</span> {formatDuration(f.medianMs ?? undefined, language)}
      </span>
      <span>
        <span className="muted">{tt('p90')}</span> {formatDuration(f.p90Ms ?? undefined, language)}
      </span>
      <span className="muted">{tt('figuresOf', { count: f.count })}</span>
    </span>
  );
}

function Outcomes({ outcomes, language }: { outcomes: IndicatorRow['outcomes']; language: 'it' | 'en' }) {
  const entries = Object.entries(outcomes).filter(([, n]) => n) as Array<[Outcome, number]>;
  if (!entries.length) return <span className="muted">—</span>;
  return (
    <ul className="outcome-list">
      {entries.map(([code, n]) => (
        <li key={code}>
          {OUTCOME_LABELS[language][code] ?? code}: <strong>{n}</strong>
        </li>
      ))}
    </ul>
  );
}

export function IndicatorsPage() {
  const operator = useOperator();
  if (operator.role !== 'supervisor' && operator.role !== 'admin') return <ForbiddenNotice />;
  return <Indicators />;
}

function Indicators() {
  const { t, language } = useI18n();
  const tt = useTerritoryText();
  const st = useShiftText();
  const meta = useMeta();
  const { location, navigate } = useRouter();
  const filters = indicatorFiltersFromSearch(location.search);
  const apiQuery = toQuery(indicatorFiltersToApiQuery(filters));

  const [data, setData] = useState<IndicatorsResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const seq = useRef(0);
  const debounce = useRef<number | undefined>(undefined);

  const load = useCallback(
    async (background = false) => {
      const mine = ++seq.current;
      try {
        const body = await apiRequest<IndicatorsResponse>(`/api/territory/indicators${apiQuery}`, { background });
        if (mine !== seq.current) return;
        setData(body);
        setError(undefined);
      } catch (err) {
        if (mine === seq.current) setError(err);
      }
    },
    [apiQuery],
  );
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    void latestLoad.current();
  }, [apiQuery]);
  useReportEvents((e) => {
    if (e.type === 'note.added') return;
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void latestLoad.current(true), REFETCH_DEBOUNCE_MS);
  });
  useEffect(() => () => window.clearTimeout(debounce.current), []);

  const change = (patch: Partial<IndicatorFilters>) =>
    navigate(`/indicatori${indicatorFiltersToSearch({ ...filters, ...patch })}`, { replace: true });
  const periodWord = { day: tt('periodDay'), week: tt('periodWeek'), month: tt('periodMonth') }[filters.period].toLowerCase();
  const clockWord = filters.clock === 'service' ? tt('clockService') : tt('clockWall');
  const grouped = data && data.groupBy !== 'none';
  const windowTo = data ? addDays(todayLocal(new Date(data.window.to)), -1) : undefined;
  const windowFrom = data ? todayLocal(new Date(data.window.from)) : undefined;
  // In the panel's current language (the server's label is in the account's language).
  const groupLabel = (row: IndicatorRow) => {
    if (data?.groupBy === 'category') return meta?.categories.find((c) => c.id === row.key)?.labels?.[language] ?? row.label;
    if (data?.groupBy === 'zone') return meta?.zones.find((z) => z.id === row.key)?.name ?? row.label;
    if (data?.groupBy === 'channel') return (CHANNEL_LABELS[language] as Record<string, string>)[row.key] ?? row.label;
    return row.label;
  };
  const dayText = (day: string) =>
    new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

  return (
    <div className="indicators-page">
      <div className="page-head">
        <PageHeading>{tt('indicatorsTitle')}</PageHeading>
        {data && windowFrom && windowTo ? (
          <p className="page-range" data-testid="indicators-window">
            {tt('windowPlain', { from: dayText(windowFrom), to: dayText(windowTo) })}
          </p>
        ) : null}
      </div>
      <form className="filter-bar indicator-filters" aria-label={tt('indicatorsFilters')} onSubmit={(e) => e.preventDefault()}>
        <div className="filter-row">
          <div className="field field-inline">
            <label htmlFor="in-period">{tt('periodLabel')}</label>
            <select id="in-period" value={filters.period} onChange={(e) => change({ period: e.target.value as Period })}>
              <option value="day">{tt('periodDay')}</option>
              <option value="week">{tt('periodWeek')}</option>
              <option value="month">{tt('periodMonth')}</option>
            </select>
          </div>
          <div className="field field-inline">
            <label htmlFor="in-group">{tt('groupByLabel')}</label>
            <select
              id="in-group"
              value={filters.groupBy}
              onChange={(e) => change({ groupBy: e.target.value as IndicatorFilters['groupBy'] })}
            >
              <option value="none">{tt('groupNone')}</option>
              <option value="category">{tt('groupCategory')}</option>
              <option value="zone">{tt('groupZone')}</option>
              <option value="channel">{tt('groupChannel')}</option>
            </select>
          </div>
          <div className="field field-inline">
            <label htmlFor="in-from">{tt('windowFrom')}</label>
            <input
              id="in-from"
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => change({ from: e.target.value })}
            />
          </div>
          <div className="field field-inline">
            <label htmlFor="in-to">{tt('windowTo')}</label>
            <input
              id="in-to"
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => change({ to: e.target.value })}
            />
          </div>
          <CategoryZoneSelects meta={meta} idPrefix="in" category={filters.category} zone={filters.zone} onChange={change} />
          <fieldset className="window-choice clock-choice">
            <legend>{tt('clockLegend')}</legend>
            <div className="segmented">
              {(['service', 'wall'] as const).map((c) => (
                <label key={c} className={`segment ${filters.clock === c ? 'is-checked' : ''}`}>
                  <input
                    type="radio"
                    name="indicator-clock"
                    value={c}
                    checked={filters.clock === c}
                    onChange={() => change({ clock: c })}
                  />
                  {c === 'service' ? tt('clockService') : tt('clockWall')}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <p className="hint">{tt('indicatorsDefaultHint')}</p>
      </form>

      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!data && !error ? <p role="status">{t('loading')}</p> : null}
      {data && data.rows.length === 0 ? <p className="empty">{tt('noIndicators')}</p> : null}
      {data && data.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table indicators-table" data-testid="indicators-table">
            <caption className="sr-only">{tt('indicatorsCaption', { period: periodWord, clock: clockWord.toLowerCase() })}</caption>
            <thead>
              <tr>
                <th scope="col">{tt('colPeriod')}</th>
                {grouped ? <th scope="col">{tt('colGroup')}</th> : null}
                <th scope="col" className="num">
                  {tt('colReceivedShort')}
                </th>
                <th scope="col" className="num">
                  {tt('colConfirmations')}
                </th>
                <th scope="col">{tt('colOutcomes')}</th>
                <th scope="col">{tt('colTake')}</th>
                <th scope="col">{tt('colDispatch')}</th>
                <th scope="col">{tt('colClose')}</th>
                <th scope="col" className="num">
                  {st('colSlaShare')}
                </th>
                <th scope="col" className="num">
                  {tt('colSolvedShare')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={`${row.period}|${row.key}`}>
                  <th scope="row">{formatPeriod(row.period, data.period, language, tt)}</th>
                  {grouped ? <td>{groupLabel(row)}</td> : null}
                  <td className="num">{row.received}</td>
                  <td className="num">{row.confirmations}</td>
                  <td>
                    <Outcomes outcomes={row.outcomes} language={language} />
                  </td>
                  <td>
                    <Durations figures={row.take} clock={filters.clock} tt={tt} language={language} />
                  </td>
                  <td>
                    <Durations figures={row.dispatch} clock={filters.clock} tt={tt} language={language} />
                  </td>
                  <td>
                    <Durations figures={row.close} clock={filters.clock} tt={tt} language={language} />
                  </td>
                  <td className="num" data-testid="sla-share">
                    {row.sla.shareWithinTarget === null
                      ? '—'
                      : `${Math.round(row.sla.shareWithinTarget * 100)}% (${row.sla.met}/${row.sla.met + row.sla.breached})`}
                  </td>
                  <td className="num" data-testid="solved-share">
                    {row.resolution?.shareSolved == null
                      ? '—'
                      : `${Math.round(row.resolution.shareSolved * 100)}% (${row.resolution.solved}/${row.resolution.solved + row.resolution.notSolved})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
