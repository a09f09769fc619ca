/**
 * Counts per status for the queue, shared by every request of this process and kept right by the
 * live events (every web process hears every change through the EventBus):
 * - open statuses (few reports, changing all the time): cached per filter until any report is
 *   created or changes; concurrent requests share one count;
 * - finished statuses (closed, rejected, duplicate: nearly all of a year's reports, expensive to
 *   count): cached per filter until a report enters or leaves a finished status; the last value is
 *   served while the new one is counted, so it may lag behind by one count.
 * Both expire after a while in case an event was missed (Redis reconnecting).
 *
 * Open statuses are answered from the open queue held in memory (open-queue.ts): one read per
 * change serves every filter and page of every agent; past its size limit, per-filter queries.
 *
 * The pages of the listing are shared the same way (20 agents polling the same view make one query
 * per change): pages with an open status are fetched again after any report change; archive pages
 * (only finished statuses) after a report enters or leaves a finished status, and at the latest
 * after a minute (a finished report can change without changing status). A change made by this
 * process invalidates at once (`heard`), before its own next request.
 */
import type { EventBus, LiveEvent, ReportFilter, ReportPageRequest, ReportStore, ReportView } from '../domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../domain/report';
import { onlyOpen, openCounts, openQueue, pageOf } from './open-queue';
import { sharedQueryCache } from './shared-query-cache';

export const FINISHED: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));
const OPEN_TTL_MS = 10_000;
const FINISHED_TTL_MS = 5 * 60_000;
const ARCHIVE_PAGE_TTL_MS = 60_000;
/** Open pages are short-lived even without events: a change by a tool that announces nothing shows within seconds. */
const OPEN_PAGE_TTL_MS = 3_000;

export type StatusCounts = Record<ReportStatus, number>;
type Counts = Record<string, number>;

/** A change that can move a report into or out of a finished status. */
export const touchesFinished = (e: LiveEvent) =>
  e.type === 'report.updated' && (!e.status || FINISHED.includes(e.status) || !e.from || FINISHED.includes(e.from));

export function queueCounts(reports: ReportStore, events: EventBus) {
  const open = sharedQueryCache<Counts>(OPEN_TTL_MS, false);
  const finished = sharedQueryCache<Counts>(FINISHED_TTL_MS, true);
  const openPages = sharedQueryCache<ReportView[]>(OPEN_PAGE_TTL_MS, false);
  const archivePages = sharedQueryCache<ReportView[]>(ARCHIVE_PAGE_TTL_MS, false);
  const queue = openQueue(reports);
  const readQueue = () => queue.current();
  const heard = (e: LiveEvent) => {
    if (e.type !== 'report.created' && e.type !== 'report.updated') return;
    queue.changed(e.reportId);
    open.invalidate();
    openPages.invalidate();
    if (touchesFinished(e)) {
      finished.invalidate();
      archivePages.invalidate();
    }
  };
  // Subscribed before any live stream: a panel refetching on an event always finds the counts invalidated.
  const unsubscribe = events.subscribe(heard);

  return {
    /** Reports per status matching the filter's other criteria (its own status list is ignored). */
    async count(filter: ReportFilter): Promise<StatusCounts> {
      const { status: _ignored, ...rest } = filter;
      const key = JSON.stringify(rest);
      const openCount = async () => {
        const queue = await readQueue();
        return queue ? openCounts(queue, rest) : open.get(key, () => reports.countByStatus({ ...rest, status: [...OPEN_STATUSES] }));
      };
      const [o, f] = await Promise.all([openCount(), finished.get(key, () => reports.countByStatus({ ...rest, status: [...FINISHED] }))]);
      return Object.fromEntries(REPORT_STATUSES.map((s) => [s, o[s] ?? f[s] ?? 0])) as StatusCounts;
    },
    /** One page of the listing (ReportStore.listItems), shared by concurrent and repeated requests. */
    async list(filter: ReportFilter, page: ReportPageRequest): Promise<ReportView[]> {
      if (onlyOpen(filter)) {
        const queue = await readQueue();
        if (queue) return pageOf(queue, filter, page);
      }
      const key = JSON.stringify([filter, page]);
      const archive = Boolean(filter.status?.length) && filter.status!.every((st) => FINISHED.includes(st));
      return (archive ? archivePages : openPages).get(key, () => reports.listItems(filter, page));
    },
    /** A change made by this process: its own next request must not wait for the event to come back. */
    heard,
    close: unsubscribe,
  };
}

export type QueueCounts = ReturnType<typeof queueCounts>;
