/**
 * The open queue held in memory: every report in an open status (new, in review, waiting for
 * details, dispatched: a few hundred to a few thousand, against a hundred thousand finished ones),
 * read with one query per status and shared by every request of this process. Any listing or count
 * of open statuses, whatever its filters ("mine", a team, a zone, a category, a date range, the
 * unassigned ones), is then answered from it without asking MongoDB again: after each change one
 * read serves the twenty agents of a shift, instead of one count and one page query per status for
 * each of their views. The filters are applied exactly as ReportStore's query does (see
 * matchesFilter), so the rows and their order are the same.
 *
 * Freshness: a report created or changed (the live events of every web process, and this
 * process's own changes at once) is read again by its id and put in or taken out of the queue;
 * a request waits for those reads, so it sees every change heard before it. The whole queue is read
 * again when it is older than a few seconds, for a change that nobody announced. Past
 * OPEN_QUEUE_MAX open reports it is not kept, and callers query MongoDB as before.
 */
import type { ReportFilter, ReportPageRequest, ReportStore, ReportView } from '../domain/ports';
import { OPEN_STATUSES, type ReportStatus } from '../domain/report';

export const OPEN_QUEUE_MAX = 5_000;
/** The whole queue is read again after this long (changes nobody announced). */
const REFRESH_MS = 3_000;

/** The reports in open statuses, or null when there are more than OPEN_QUEUE_MAX (not kept in memory then). */
export async function readOpenQueue(reports: Pick<ReportStore, 'listItems'>): Promise<ReportView[] | null> {
  const parts = await Promise.all(
    OPEN_STATUSES.map((status) => reports.listItems({ status: [status] }, { limit: OPEN_QUEUE_MAX + 1, offset: 0, sort: 'priority' })),
  );
  const all = parts.flat();
  return all.length > OPEN_QUEUE_MAX ? null : all;
}

type Entry = { version: number; view: ReportView | null };

/**
 * The open queue of this process: `current()` answers from memory (null: too many open reports);
 * `changed(id)` reads that report again (by id, the cheapest read there is) and updates the queue.
 */
export function openQueue(reports: Pick<ReportStore, 'listItems' | 'get'>) {
  /** Every report seen, open or not (null view: not open), with the version it was seen at. */
  let entries: Map<string, Entry> | null = null;
  let tooMany = false;
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  let view: ReportView[] | null = null;
  /** Reads of changed reports still under way: requests wait for them. */
  const patching = new Set<Promise<void>>();
  /** Reports changed while a full read is under way: read again after it. */
  let changedDuringLoad: Set<string> | null = null;

  const put = (into: Map<string, Entry>, id: string, r: ReportView | null, version: number) => {
    const known = into.get(id);
    // An older read finishing after a newer one must not undo it.
    if (known && known.version > version) return;
    into.set(id, { version, view: r && OPEN_STATUSES.includes(r.status) ? r : null });
  };
  const rebuild = () => {
    view = entries && !tooMany ? [...entries.values()].flatMap((e) => (e.view ? [e.view] : [])) : null;
  };
  const patch = async (id: string) => {
    const r = await reports.get(id);
    if (!entries) return;
    put(entries, id, r, r?.version ?? Number.MAX_SAFE_INTEGER);
    rebuild();
  };
  const load = () =>
    (loading ??= (async () => {
      changedDuringLoad = new Set();
      try {
        const all = await readOpenQueue(reports);
        const fresh = new Map<string, Entry>();
        for (const r of all ?? []) put(fresh, r.id, r, r.version);
        const again = [...changedDuringLoad];
        changedDuringLoad = null;
        await Promise.all(
          again.map(async (id) => {
            const r = await reports.get(id);
            put(fresh, id, r, r?.version ?? Number.MAX_SAFE_INTEGER);
          }),
        );
        entries = fresh;
        tooMany = all === null;
        loadedAt = Date.now();
        rebuild();
      } finally {
        changedDuringLoad = null;
        loading = undefined;
      }
    })());

  return {
    async current(): Promise<ReportView[] | null> {
      // Older than REFRESH_MS: read again before answering (as the shared pages did), so a change
      // nobody announced shows in any request made REFRESH_MS after it.
      if (!entries || Date.now() - loadedAt > REFRESH_MS) await load();
      // Every change heard before this request is in the answer.
      if (patching.size) await Promise.all([...patching]);
      return view;
    },
    /** A report was created or changed: read it again before the next answer. */
    changed(id: string) {
      changedDuringLoad?.add(id);
      if (!entries) return;
      const p: Promise<void> = patch(id)
        .catch(() => {
          // Could not read it: read everything again at the next request.
          entries = null;
        })
        .finally(() => patching.delete(p));
      patching.add(p);
    },
  };
}

export type OpenQueue = ReturnType<typeof openQueue>;

/** The same test as ReportStore's query (reportQuery in src/storage/repositories/report.repository.ts), on a view. */
export function matchesFilter(r: ReportView, f: ReportFilter): boolean {
  if (f.status?.length && !f.status.includes(r.status)) return false;
  if (f.categoryId?.length && !f.categoryId.includes(r.categoryId)) return false;
  if (f.zone?.length && (r.zone === undefined || !f.zone.includes(r.zone))) return false;
  if (f.channel?.length && !f.channel.includes(r.channel)) return false;
  const at = r.createdAt.getTime();
  if (f.from && at < f.from.getTime()) return false;
  if (f.to && at >= f.to.getTime()) return false;
  // null: nobody holds it (the field is missing or null).
  if (f.assignee !== undefined && (f.assignee === null ? Boolean(r.assignee) : r.assignee !== f.assignee)) return false;
  if (f.team && r.team !== f.team) return false;
  return true;
}

/** The queue's orders, with the id as the last tie-breaker (as the repository merges its pieces). */
const byPriority = (a: ReportView, b: ReportView) =>
  (b.priority ?? 0) - (a.priority ?? 0) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
const byNewest = (a: ReportView, b: ReportView) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

/** Whether a filter asks only for open statuses (and so can be answered from the open queue). */
export const onlyOpen = (filter: ReportFilter) => Boolean(filter.status?.length) && filter.status!.every((s) => OPEN_STATUSES.includes(s));

/** One page of the listing, from the open queue. */
export function pageOf(queue: readonly ReportView[], filter: ReportFilter, page: ReportPageRequest): ReportView[] {
  return queue
    .filter((r) => matchesFilter(r, filter))
    .sort(page.sort === 'priority' ? byPriority : byNewest)
    .slice(page.offset, page.offset + page.limit);
}

/** Reports per open status matching the filter's other criteria (its own status list is ignored), as countByStatus answers. */
export function openCounts(queue: readonly ReportView[], filter: ReportFilter): Partial<Record<ReportStatus, number>> {
  const { status: _ignored, ...rest } = filter;
  const out: Partial<Record<ReportStatus, number>> = {};
  for (const r of queue) if (matchesFilter(r, rest)) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}
