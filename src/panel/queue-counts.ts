/**
 * Counts per status for the queue, shared by every request of this process and kept right by the
 * live events (every web process hears every change through the EventBus):
 * - open statuses (few reports, changing all the time): cached per filter until any report is
 *   created or changes; concurrent requests share one count;
 * - finished statuses (closed, rejected, duplicate: nearly all of a year's reports, expensive to
 *   count): cached per filter until a report enters or leaves a finished status; the last value is
 *   served while the new one is counted, so it may lag behind by one count.
 * Both expire after a while in case an event was missed (Redis reconnecting).
 */
import type { EventBus, LiveEvent, ReportFilter, ReportStore } from '../domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../domain/report';

const FINISHED: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));
const OPEN_TTL_MS = 10_000;
const FINISHED_TTL_MS = 5 * 60_000;
const MAX_CACHED_FILTERS = 500;

export type StatusCounts = Record<ReportStatus, number>;
type Counts = Record<string, number>;
type Entry = { gen: number; value?: Counts; valueAt?: number; freshAt?: number; pending?: Promise<Counts> };

/** A per-filter cache of counts with single-flight refreshes. */
function countCache(ttlMs: number, serveStale: boolean) {
  const entries = new Map<string, Entry>();
  return {
    get(key: string, count: () => Promise<Counts>): Promise<Counts> {
      let e = entries.get(key);
      if (!e) {
        if (entries.size >= MAX_CACHED_FILTERS) entries.clear();
        e = { gen: 0 };
        entries.set(key, e);
      }
      const entry = e;
      if (entry.value && entry.freshAt !== undefined && Date.now() - entry.freshAt < ttlMs) return Promise.resolve(entry.value);
      if (!entry.pending) {
        const gen = entry.gen;
        const startedAt = Date.now();
        const pending: Promise<Counts> = count().then(
          (value) => {
            if (entry.pending === pending) entry.pending = undefined;
            // Keep the most recently started count; a change heard while counting leaves it stale
            // (served only where stale values are allowed), so the next request counts again.
            if (startedAt >= (entry.valueAt ?? 0)) {
              entry.value = value;
              entry.valueAt = startedAt;
              if (entry.gen === gen) entry.freshAt = startedAt;
            }
            return value;
          },
          (err: unknown) => {
            if (entry.pending === pending) entry.pending = undefined;
            throw err;
          },
        );
        // Callers served the stale value do not wait for this count; its failure is theirs to ignore.
        pending.catch(() => undefined);
        entry.pending = pending;
      }
      return serveStale && entry.value ? Promise.resolve(entry.value) : entry.pending!;
    },
    invalidate() {
      for (const e of entries.values()) {
        e.gen++;
        e.freshAt = undefined;
        // Requests after the change must not get a count started before it.
        e.pending = undefined;
      }
    },
  };
}

const touchesFinished = (e: LiveEvent) =>
  e.type === 'report.updated' && (!e.status || FINISHED.includes(e.status) || !e.from || FINISHED.includes(e.from));

export function queueCounts(reports: ReportStore, events: EventBus) {
  const open = countCache(OPEN_TTL_MS, false);
  const finished = countCache(FINISHED_TTL_MS, true);
  const heard = (e: LiveEvent) => {
    if (e.type !== 'report.created' && e.type !== 'report.updated') return;
    open.invalidate();
    if (touchesFinished(e)) finished.invalidate();
  };
  // Subscribed before any live stream: a panel refetching on an event always finds the counts invalidated.
  const unsubscribe = events.subscribe(heard);

  return {
    /** Reports per status matching the filter's other criteria (its own status list is ignored). */
    async count(filter: ReportFilter): Promise<StatusCounts> {
      const { status: _ignored, ...rest } = filter;
      const key = JSON.stringify(rest);
      const [o, f] = await Promise.all([
        open.get(key, () => reports.countByStatus({ ...rest, status: [...OPEN_STATUSES] })),
        finished.get(key, () => reports.countByStatus({ ...rest, status: [...FINISHED] })),
      ]);
      return Object.fromEntries(REPORT_STATUSES.map((s) => [s, o[s] ?? f[s] ?? 0])) as StatusCounts;
    },
    /** A change made by this process: its own next request must not wait for the event to come back. */
    heard,
    close: unsubscribe,
  };
}

export type QueueCounts = ReturnType<typeof queueCounts>;
