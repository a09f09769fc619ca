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
 * Freshness is queue-counts.ts's: the snapshot is dropped on every report created or changed (live
 * events from every web process, and this process's own changes at once) and after a few seconds in
 * any case. Past OPEN_QUEUE_MAX open reports it is not kept, and callers query MongoDB as before.
 */
import type { ReportFilter, ReportPageRequest, ReportStore, ReportView } from '../domain/ports';
import { OPEN_STATUSES, type ReportStatus } from '../domain/report';

export const OPEN_QUEUE_MAX = 5_000;

/** The reports in open statuses, or null when there are more than OPEN_QUEUE_MAX (not kept in memory then). */
export async function readOpenQueue(reports: Pick<ReportStore, 'listItems'>): Promise<ReportView[] | null> {
  const parts = await Promise.all(
    OPEN_STATUSES.map((status) => reports.listItems({ status: [status] }, { limit: OPEN_QUEUE_MAX + 1, offset: 0, sort: 'priority' })),
  );
  const all = parts.flat();
  return all.length > OPEN_QUEUE_MAX ? null : all;
}

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
