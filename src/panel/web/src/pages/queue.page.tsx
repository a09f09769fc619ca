/**
 * The live queue: reports sorted by priority then age, filters in the address, counts per status.
 * Every report event from /api/events refetches the page; reports that were not there before are
 * highlighted and announced to screen readers.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRequest, toQuery } from '../api/client';
import type { ReportList } from '../api/types';
import { ErrorNotice } from '../components/error-notice';
import { ExportButtons } from '../components/export-buttons';
import { PageHeading } from '../components/page-heading';
import { QueueFilterBar } from '../components/queue-filter-bar';
import { categoryName, QueueTable } from '../components/queue-table';
import { BulkBar } from '../components/bulk-bar';
import { useI18n } from '../i18n/i18n';
import { useAnnounce } from '../lib/announcer';
import { useMeta } from '../lib/meta';
import { filtersFromSearch, filtersToApiQuery, filtersToSearch, PAGE_SIZE, type QueueFilters } from '../lib/queue-filters';
import { useRouter } from '../lib/router';
import { useReportEvents } from '../lib/server-events';

const REFETCH_DEBOUNCE_MS = 250;
/** Also refresh now and then: waiting times grow, and an event may be missed while reconnecting. */
const PERIODIC_REFRESH_MS = 30_000;
const FRESH_FOR_MS = 120_000;

export function QueuePage() {
  const { t, language } = useI18n();
  const meta = useMeta();
  const announce = useAnnounce();
  const { location, navigate } = useRouter();
  const filters = filtersFromSearch(location.search);
  const apiQuery = toQuery(filtersToApiQuery(filters));

  const [data, setData] = useState<ReportList | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  // Reports picked for a bulk action (kept across live reloads, cleared with the bar's button).
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection = {
    selected,
    toggle: (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    toggleAll: (ids: string[]) =>
      setSelected((s) => (ids.every((id) => s.has(id)) ? new Set([...s].filter((id) => !ids.includes(id))) : new Set([...s, ...ids]))),
  };
  const seq = useRef(0);
  const createdIds = useRef(new Set<string>());
  const debounce = useRef<number | undefined>(undefined);
  const metaRef = useRef(meta);
  metaRef.current = meta;

  const load = useCallback(
    async (background = false) => {
      const mine = ++seq.current;
      try {
        const list = await apiRequest<ReportList>(`/api/reports${apiQuery}`, { background });
        if (mine !== seq.current) return; // a newer request was sent meanwhile
        setData(list);
        setError(undefined);
        // Reports announced as new: those whose report.created event came in and that are in this
        // list (whichever came first, the event or a periodic refresh).
        const appeared = list.items.filter((r) => createdIds.current.has(r.id));
        if (appeared.length) {
          const ids = appeared.map((r) => r.id);
          setFresh((f) => new Set([...f, ...ids]));
          window.setTimeout(() => setFresh((f) => new Set([...f].filter((id) => !ids.includes(id)))), FRESH_FOR_MS);
          announce(
            appeared.length === 1
              ? t('newReportAnnounce', {
                  ticket: appeared[0].ticketCode,
                  category: categoryName(metaRef.current, appeared[0].categoryId, appeared[0].categoryLabel, language),
                })
              : t('newReportsAnnounce', { count: appeared.length }),
          );
        }
        for (const r of list.items) createdIds.current.delete(r.id);
        if (createdIds.current.size > 500) createdIds.current.clear();
      } catch (err) {
        if (mine === seq.current) setError(err);
      }
    },
    [apiQuery, announce, t, language],
  );

  const latestLoad = useRef(load);
  latestLoad.current = load;

  // A new filter set starts a new list: nothing is "new" compared to a different list.
  useEffect(() => {
    setFresh(new Set());
    void latestLoad.current();
    const id = window.setInterval(() => void latestLoad.current(true), PERIODIC_REFRESH_MS);
    return () => window.clearInterval(id);
  }, [apiQuery]);

  useReportEvents((e) => {
    if (e.type === 'note.added') return;
    if (e.type === 'report.created') createdIds.current.add(e.reportId);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void latestLoad.current(true), REFETCH_DEBOUNCE_MS);
  });
  useEffect(() => () => window.clearTimeout(debounce.current), []);

  const change = (f: QueueFilters) => navigate(`/${filtersToSearch(f)}`, { replace: true });

  const total = data?.total ?? 0;
  const first = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, filters.page * PAGE_SIZE);
  const caption = t('tableCaption', {
    sort: filters.sort === 'priority' ? t('sortPriority') : t('sortNewest'),
    shown: data?.items.length ?? 0,
    total,
  });

  return (
    <div className="queue-page">
      <div className="page-head">
        <PageHeading>{t('queueTitle')}</PageHeading>
        {data ? (
          <p className="page-range" aria-live="off">
            {t('pageRange', { from: first, to: last, total })}
          </p>
        ) : null}
        <ExportButtons filters={filters} />
      </div>
      <QueueFilterBar filters={filters} counts={data?.counts} meta={meta} onChange={change} />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!data && !error ? <p role="status">{t('loading')}</p> : null}
      {data && data.items.length === 0 ? <p className="empty">{t('noReports')}</p> : null}
      {selected.size ? <BulkBar selected={[...selected]} onDone={() => void load()} onClear={() => setSelected(new Set())} /> : null}
      {data && data.items.length > 0 ? (
        <QueueTable items={data.items} meta={meta} fresh={fresh} caption={caption} selection={selection} />
      ) : null}
      {data && total > PAGE_SIZE ? (
        <nav className="pager" aria-label={t('pageRange', { from: first, to: last, total })}>
          <button type="button" disabled={filters.page <= 1} onClick={() => change({ ...filters, page: filters.page - 1 })}>
            {t('prevPage')}
          </button>
          <span>{t('pageRange', { from: first, to: last, total })}</span>
          <button type="button" disabled={last >= total} onClick={() => change({ ...filters, page: filters.page + 1 })}>
            {t('nextPage')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
