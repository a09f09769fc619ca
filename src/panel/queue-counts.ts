/**
 * Counts per status for the queue. The open statuses are counted on every request (few reports,
 * they change all the time); the finished ones (closed, rejected, duplicate: nearly all of a
 * year's reports) are cached per filter until a report changes anywhere (every web process hears
 * it through the EventBus) or for at most FINISHED_TTL_MS.
 */
import type { EventBus, ReportFilter, ReportStore } from '../domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../domain/report';

const FINISHED: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));
const FINISHED_TTL_MS = 5 * 60_000;
const MAX_CACHED_FILTERS = 500;

export type StatusCounts = Record<ReportStatus, number>;

export function queueCounts(reports: ReportStore, events: EventBus) {
  let finished = new Map<string, { at: number; counts: Promise<Record<string, number>> }>();
  // A created report is 'new' (counted live); any other change may move one into or out of a finished status.
  const unsubscribe = events.subscribe((e) => {
    if (e.type === 'report.updated') finished = new Map();
  });

  const finishedCounts = (filter: Omit<ReportFilter, 'status'>) => {
    const key = JSON.stringify(filter);
    const hit = finished.get(key);
    if (hit && Date.now() - hit.at < FINISHED_TTL_MS) return hit.counts;
    const cache = finished;
    const counts = reports.countByStatus({ ...filter, status: [...FINISHED] });
    if (cache.size >= MAX_CACHED_FILTERS) cache.clear();
    cache.set(key, { at: Date.now(), counts });
    // A failed count is not remembered.
    counts.catch(() => {
      if (cache.get(key)?.counts === counts) cache.delete(key);
    });
    return counts;
  };

  return {
    /** Reports per status matching the filter's other criteria (its own status list is ignored). */
    async count(filter: ReportFilter): Promise<StatusCounts> {
      const { status: _ignored, ...rest } = filter;
      const [open, done] = await Promise.all([reports.countByStatus({ ...rest, status: [...OPEN_STATUSES] }), finishedCounts(rest)]);
      return Object.fromEntries(REPORT_STATUSES.map((s) => [s, open[s] ?? done[s] ?? 0])) as StatusCounts;
    },
    close: unsubscribe,
  };
}

export type QueueCounts = ReturnType<typeof queueCounts>;
