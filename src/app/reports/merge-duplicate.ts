/**
 * A report marked as a duplicate is merged into the original (photos, details, confirmations,
 * followers), so the citizens of both get the original's updates; reopening the duplicate undoes
 * it. Both are idempotent and audited on the original.
 */
import type { AuditLog, ConfirmedReportView, EventBus, PriorityScore, ReportMergeStore, ReportStore, ReportView } from '../../domain/ports';
import type { Logger } from '../../log/logger';
import type { Actor } from './agent-action.types';

export type MergeDeps = {
  reports: Pick<ReportStore, 'getByTicket'>;
  merges: ReportMergeStore;
  audit: AuditLog;
  events: EventBus;
  logger: Logger;
  /** The priority of a report after confirmations were merged into it (src/app/reports/confirm-report.ts rescoreConfirmed). */
  rescore?: (report: ConfirmedReportView) => PriorityScore;
};

const publishUpdate = (deps: MergeDeps, report: ConfirmedReportView) =>
  deps.events
    .publish({ type: 'report.updated', reportId: report.id, status: report.status })
    .catch((err: Error) => deps.logger.error(`live update of report ${report.id} failed: ${err.message}`));

/** Copies the duplicate into the original (once), audits it on the original and tells the panels. */
export async function mergeDuplicate(deps: MergeDeps, duplicate: ReportView, original: ReportView, actor: Actor, requestId?: string) {
  const merged = await deps.merges.mergeInto(duplicate.id, original.id, deps.rescore);
  if (!merged.ok) throw new Error(`merging ${duplicate.ticketCode} into ${original.ticketCode}: ${merged.reason}`);
  if (!merged.merged) return;
  await deps.audit.record({
    actor: actor.username,
    actorRole: actor.role,
    action: 'merge',
    reportId: original.id,
    details: { from: duplicate.ticketCode, version: merged.report.version, ...merged.added },
    requestId,
  });
  await publishUpdate(deps, merged.report);
}

/** Takes what the reopened duplicate brought out of the original again (once), audited on the original. */
export async function unmergeDuplicate(deps: MergeDeps, duplicate: ReportView, originalTicket: string, actor: Actor, requestId?: string) {
  const original = await deps.reports.getByTicket(originalTicket);
  if (!original) return;
  const result = await deps.merges.unmerge(duplicate.id, original.id, deps.rescore);
  if (!result.ok || !result.unmerged) return;
  await deps.audit.record({
    actor: actor.username,
    actorRole: actor.role,
    action: 'unmerge',
    reportId: original.id,
    details: { from: duplicate.ticketCode, version: result.report.version },
    requestId,
  });
  await publishUpdate(deps, result.report);
}
