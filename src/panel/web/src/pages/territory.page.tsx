/**
 * Hot zones (supervisors and admins): the map of the reports in a time window (heat circles and
 * zones coloured by weight, each with its total), and the zones by weight with their trend
 * against the previous window of the same length. Window (7 / 30 / 90 days or custom days) and
 * categories live in the address. Every new report (report.created on /api/events) refetches the
 * figures, debounced, without reloading the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRequest, toQuery } from '../api/client';
import type { HotZonesResponse, OutlinesResponse } from '../api/territory.types';
import { CategoryPicker } from '../components/category-picker';
import { ErrorNotice } from '../components/error-notice';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { HotzoneMap } from '../components/hotzone-map';
import { HotzoneTable } from '../components/hotzone-table';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { useTerritoryText } from '../i18n/territory.dictionary';
import { useAnnounce } from '../lib/announcer';
import { formatClock } from '../lib/format';
import { useOperator } from '../lib/auth';
import { useMeta } from '../lib/meta';
import { useRouter } from '../lib/router';
import { useReportEvents } from '../lib/server-events';
import {
  addDays,
  hotzoneFiltersFromSearch,
  hotzoneFiltersToApiQuery,
  hotzoneFiltersToSearch,
  todayLocal,
  WINDOW_PRESETS,
  type HotzoneFilters,
  type WindowChoice,
} from '../lib/territory-filters';
import '../territory.css';

const REFETCH_DEBOUNCE_MS = 700;
/** Also now and then: an event may be missed while reconnecting, and "today" moves on. */
const PERIODIC_REFRESH_MS = 60_000;
const FALLBACK_BBOX: [number, number, number, number] = [10.53, 43.76, 10.68, 43.935];

/** A local day (YYYY-MM-DD) as the agent reads it. */
function formatDay(day: string, language: 'it' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The local day an instant falls on, in the municipality's time zone. */
const localDayOf = (iso: string) => todayLocal(new Date(iso));

export function TerritoryPage() {
  const operator = useOperator();
  if (operator.role !== 'supervisor' && operator.role !== 'admin') return <ForbiddenNotice />;
  return <HotZones />;
}

function HotZones() {
  const { t, language } = useI18n();
  const tt = useTerritoryText();
  const meta = useMeta();
  const announce = useAnnounce();
  const { location, navigate } = useRouter();
  const filters = hotzoneFiltersFromSearch(location.search);

  const [data, setData] = useState<HotZonesResponse | undefined>(undefined);
  const [outlines, setOutlines] = useState<OutlinesResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [updatedAt, setUpdatedAt] = useState<string | undefined>(undefined);
  const seq = useRef(0);
  const debounce = useRef<number | undefined>(undefined);
  const search = useRef(location.search);
  search.current = location.search;

  // The query is built when the request leaves: a preset window follows the calendar.
  const load = useCallback(async (background = false) => {
    const mine = ++seq.current;
    try {
      const query = toQuery(hotzoneFiltersToApiQuery(hotzoneFiltersFromSearch(search.current)));
      const body = await apiRequest<HotZonesResponse>(`/api/territory/hotzones${query}`, { background });
      if (mine !== seq.current) return;
      setData(body);
      setError(undefined);
      setUpdatedAt(new Date().toISOString());
    } catch (err) {
      if (mine === seq.current) setError(err);
    }
  }, []);

  useEffect(() => {
    void load();
    const id = window.setInterval(() => void load(true), PERIODIC_REFRESH_MS);
    return () => window.clearInterval(id);
  }, [location.search, load]);

  useEffect(() => {
    apiRequest<OutlinesResponse>('/api/territory/outlines').then(setOutlines, () => undefined);
  }, []);

  const announced = useRef(false);
  useReportEvents((e) => {
    if (e.type !== 'report.created') return;
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => {
      void load(true).then(() => {
        // One polite announcement per burst of new reports.
        if (!announced.current) announce(tt('liveUpdated'));
        announced.current = true;
        window.setTimeout(() => (announced.current = false), 5_000);
      });
    }, REFETCH_DEBOUNCE_MS);
  });
  useEffect(() => () => window.clearTimeout(debounce.current), []);

  const change = (f: HotzoneFilters) => navigate(`/territorio${hotzoneFiltersToSearch(f)}`, { replace: true });
  const chooseWindow = (w: WindowChoice) => {
    if (w !== 'custom') return change({ ...filters, window: w });
    // Custom starts from the days shown now, so the agent edits rather than retypes.
    const today = todayLocal();
    const days = filters.window === 'custom' ? 7 : Number(filters.window);
    change({ ...filters, window: 'custom', from: filters.from || addDays(today, -(days - 1)), to: filters.to || today });
  };

  const shownFrom = data ? localDayOf(data.window.from) : undefined;
  const shownTo = data ? addDays(localDayOf(data.window.to), -1) : undefined;

  return (
    <div className="territory-page">
      <div className="page-head">
        <PageHeading>{tt('territoryTitle')}</PageHeading>
        {data && shownFrom && shownTo ? (
          <p className="page-range" data-testid="window-summary">
            {tt('windowSummary', { from: formatDay(shownFrom, language), to: formatDay(shownTo, language), days: data.window.days })}
          </p>
        ) : null}
        {updatedAt ? (
          <p className="page-range updated-at" aria-live="off">
            {tt('updatedAt', { time: formatClock(updatedAt, language) })}
          </p>
        ) : null}
      </div>

      <form className="filter-bar territory-filters" aria-label={tt('filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="window-choice">
          <legend>{tt('windowLegend')}</legend>
          <div className="segmented">
            {[...WINDOW_PRESETS, 'custom' as const].map((w) => (
              <label key={w} className={`segment ${filters.window === w ? 'is-checked' : ''}`}>
                <input type="radio" name="hotzone-window" value={w} checked={filters.window === w} onChange={() => chooseWindow(w)} />
                {w === 'custom' ? tt('windowCustom') : tt('windowDays', { days: w })}
              </label>
            ))}
          </div>
        </fieldset>
        {filters.window === 'custom' ? (
          <>
            <div className="field field-inline">
              <label htmlFor="hz-from">{tt('windowFrom')}</label>
              <input
                id="hz-from"
                type="date"
                value={filters.from}
                max={filters.to || undefined}
                onChange={(e) => change({ ...filters, from: e.target.value })}
              />
            </div>
            <div className="field field-inline">
              <label htmlFor="hz-to">{tt('windowTo')}</label>
              <input
                id="hz-to"
                type="date"
                value={filters.to}
                min={filters.from || undefined}
                onChange={(e) => change({ ...filters, to: e.target.value })}
              />
            </div>
          </>
        ) : null}
        <CategoryPicker meta={meta} selected={filters.categories} onChange={(categories) => change({ ...filters, categories })} />
      </form>

      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!data && !error ? <p role="status">{t('loading')}</p> : null}

      <div className="territory-columns">
        <section className="panel-section territory-map-section" aria-labelledby="hz-map-title">
          <h2 id="hz-map-title" className="sr-only">
            {tt('mapTitle')}
          </h2>
          <HotzoneMap
            outlines={outlines}
            zones={data?.zones ?? []}
            heat={data?.heat ?? []}
            bbox={meta?.municipality.bbox ?? FALLBACK_BBOX}
            tileUrl={meta?.mapTileUrl}
          />
        </section>
        <section className="panel-section territory-zones-section" aria-labelledby="hz-zones-title">
          <h2 id="hz-zones-title">{tt('zonesTitle')}</h2>
          {data ? (
            <>
              <p className="totals" data-testid="hotzone-totals">
                {tt('totals', data.totals)}
              </p>
              {data.zones.length ? <HotzoneTable zones={data.zones} days={data.window.days} /> : <p className="empty">{tt('noZones')}</p>}
              <p className="hint">{tt('weightHint')}</p>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
