/**
 * An agent's action on a report: one move of the domain state machine (atomic, guarded by the
 * version the agent saw), then the audit event, the live update for every panel, and the notice to
 * the report's citizen and followers through the outbound queue of their channels. Marking a
 * duplicate also merges it into the original (photos, details, confirmations, followers), so the
 * citizens of both get the original's updates from then on.
 */
import type { CitizenNotice } from '../domain/notifications';
import type {
  ApplyTransitionInput,
  AuditLog,
  ConfirmationStore,
  IdentityStore,
  ConfirmedReportView,
  EventBus,
  JobScheduler,
  OutboundLog,
  PriorityScore,
  ReportFollower,
  ReportMergeStore,
  ReportStore,
  ReportView,
} from '../domain/ports';
import type { ReportStatus } from '../domain/report';
import type { Logger } from '../log/logger';
import type { CurrentOperator } from './auth.middleware';
import type { OperatorNames } from './operator-names';
import { STATUS_LABELS, labelOf } from './panel-labels';
import { panelMessage, type PanelLang } from './panel-messages';
import type { ReportActionBody } from './report-action.schema';
import { chatsOf, noticeMessages, sendNotices } from './status-notifier';

export type ReportActionDeps = {
  reports: ReportStore;
  audit: AuditLog;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  events: EventBus;
  names: OperatorNames;
  logger: Logger;
  /** Followers of a report (ConfirmationStore.get), who get its updates too. */
  confirmations: Pick<ConfirmationStore, 'get'>;
  /** Where each citizen is reached: reports and followers carry only citizenRefs. */
  identities: Pick<IdentityStore, 'get'>;
  merges: ReportMergeStore;
  /** The priority of a report after confirmations were merged into it (flows/confirm.ts rescoreConfirmed). */
  rescore?: (report: ConfirmedReportView) => PriorityScore;
};

export type ConflictState = { status: ReportStatus; assignee?: string; assigneeUsername?: string; version: number };

export type ReportActionResult =
  | { ok: true; report: ReportView; from: ReportStatus }
  | { ok: false; status: 404 | 409 | 422; error: string; current?: ConflictState };

/** Statuses in which a report is in someone's hands. */
const HELD: readonly ReportStatus[] = ['in_review', 'needs_info', 'dispatched'];

const heldByOther = (r: ReportView, me: CurrentOperator) => Boolean(r.assignee) && r.assignee !== me.username && HELD.includes(r.status);

function noticeFor(body: ReportActionBody): CitizenNotice | undefined {
  switch (body.action) {
    case 'take':
    case 'dispatch':
    case 'reject':
      return { action: body.action };
    case 'mark_duplicate':
      return { action: 'mark_duplicate', mergedInto: body.duplicateOf };
    case 'ask_info':
      return { action: 'ask_info', question: body.message };
    case 'close':
      return { action: 'close', outcome: body.outcome };
    case 'reopen':
      return undefined;
  }
}

/** What the action writes on the report besides its status, and what the audit event records. */
function effectsOf(body: ReportActionBody, current: ReportView, me: CurrentOperator, now: Date) {
  const keepOrMe = current.assignee ? {} : { assignee: me.username };
  switch (body.action) {
    case 'take':
      return { set: { assignee: me.username }, details: {} };
    case 'ask_info':
      return { set: keepOrMe, details: { message: body.message } };
    case 'dispatch':
      return { set: { ...keepOrMe, dispatch: { unit: body.unit, note: body.note, at: now } }, details: { unit: body.unit, note: body.note } };
    case 'close':
      return { set: { outcome: { code: body.outcome, note: body.note } }, details: { outcome: body.outcome, note: body.note } };
    case 'reject':
      return { set: { outcome: { note: body.reason } }, details: { reason: body.reason } };
    case 'mark_duplicate':
      return { set: { duplicateOf: body.duplicateOf }, details: { duplicateOf: body.duplicateOf } };
    case 'reopen':
      return { set: { assignee: me.username }, details: { note: body.note } };
  }
}

export async function performReportAction(
  deps: ReportActionDeps,
  input: { reportId: string; body: ReportActionBody; operator: CurrentOperator; requestId?: string; lang: PanelLang },
): Promise<ReportActionResult> {
  const { body, operator: me, lang } = input;
  const current = await deps.reports.get(input.reportId);
  if (!current) return { ok: false, status: 404, error: panelMessage('reportNotFound', lang) };

  const conflict = async (latest: ReportView | undefined): Promise<ReportActionResult> => {
    if (!latest) return { ok: false, status: 404, error: panelMessage('reportNotFound', lang) };
    await deps.names.prime([latest.assignee]);
    const holder = deps.names.nameOf(latest.assignee);
    return {
      ok: false,
      status: 409,
      error: heldByOther(latest, me) ? panelMessage('takenBy', lang, { name: holder ?? '' }) : panelMessage('stale', lang),
      current: { status: latest.status, assignee: holder, assigneeUsername: latest.assignee, version: latest.version },
    };
  };

  // Taking a report someone else holds, or (for agents) acting on it, is a conflict naming the holder;
  // supervisors and admins may act on any report.
  if (heldByOther(current, me) && (body.action === 'take' || me.role === 'agent')) return conflict(current);

  let original: ReportView | undefined;
  if (body.action === 'mark_duplicate') {
    original = (await deps.reports.getByTicket(body.duplicateOf)) ?? undefined;
    if (!original) return { ok: false, status: 422, error: panelMessage('duplicateUnknown', lang, { code: body.duplicateOf }) };
    if (original.id === current.id) return { ok: false, status: 422, error: panelMessage('duplicateSelf', lang) };
    // Already marked as a duplicate of this report: a retry completes the merge and the notices (idempotent).
    if (current.status === 'duplicate' && current.duplicateOf === original.ticketCode) {
      await mergeDuplicate(deps, current, original, me, input.requestId);
      await notify(deps, current, body);
      return { ok: true, report: current, from: current.status };
    }
    // Merging into a duplicate would hand the citizens a report nobody works on.
    if (original.status === 'duplicate')
      return { ok: false, status: 422, error: panelMessage('duplicateOfDuplicate', lang, { code: original.ticketCode, original: original.duplicateOf ?? '' }) };
  }

  const now = new Date();
  const { set, details } = effectsOf(body, current, me, now);
  const moved = await deps.reports.applyTransition({
    id: current.id,
    action: body.action,
    actor: me.username,
    expectedVersion: body.version,
    set: set as ApplyTransitionInput['set'],
  });
  if (!moved.ok) {
    if (moved.reason === 'not_found') return { ok: false, status: 404, error: panelMessage('reportNotFound', lang) };
    // Not allowed from the status the agent did not see: someone else moved it first.
    if (moved.reason === 'conflict' || (moved.current && moved.current.version !== body.version)) return conflict(moved.current);
    const status = labelOf(STATUS_LABELS, moved.current?.status ?? current.status, lang);
    return { ok: false, status: 422, error: panelMessage('notAllowed', lang, { status }) };
  }

  const report = moved.report;
  await deps.audit.record({
    actor: me.username,
    actorRole: me.role,
    action: body.action,
    reportId: report.id,
    details: { from: moved.from, to: report.status, version: report.version, ...details },
    requestId: input.requestId,
  });
  // The move is done and audited: a failure to tell others is logged, not turned into an error.
  await deps.events
    .publish({ type: 'report.updated', reportId: report.id, status: report.status, from: moved.from })
    .catch((err: Error) => deps.logger.error(`live update of report ${report.id} failed: ${err.message}`));
  if (original) await mergeDuplicate(deps, report, original, me, input.requestId);
  // A reopened duplicate was not the same situation: its citizens stop getting the original's updates.
  if (body.action === 'reopen' && moved.from === 'duplicate' && current.duplicateOf)
    await unmergeDuplicate(deps, report, current.duplicateOf, me, input.requestId);
  await notify(deps, report, body);
  return { ok: true, report, from: moved.from };
}

/** Copies the duplicate into the original (once), audits it on the original and tells the panels. */
async function mergeDuplicate(deps: ReportActionDeps, duplicate: ReportView, original: ReportView, me: CurrentOperator, requestId?: string) {
  const merged = await deps.merges.mergeInto(duplicate.id, original.id, deps.rescore);
  if (!merged.ok) throw new Error(`merging ${duplicate.ticketCode} into ${original.ticketCode}: ${merged.reason}`);
  if (!merged.merged) return;
  await deps.audit.record({
    actor: me.username,
    actorRole: me.role,
    action: 'merge',
    reportId: original.id,
    details: { from: duplicate.ticketCode, version: merged.report.version, ...merged.added },
    requestId,
  });
  await deps.events
    .publish({ type: 'report.updated', reportId: original.id, status: merged.report.status })
    .catch((err: Error) => deps.logger.error(`live update of report ${original.id} failed: ${err.message}`));
}

/** Takes what the reopened duplicate brought out of the original again (once), audited on the original. */
async function unmergeDuplicate(deps: ReportActionDeps, duplicate: ReportView, originalTicket: string, me: CurrentOperator, requestId?: string) {
  const original = await deps.reports.getByTicket(originalTicket);
  if (!original) return;
  const result = await deps.merges.unmerge(duplicate.id, original.id, deps.rescore);
  if (!result.ok || !result.unmerged) return;
  await deps.audit.record({
    actor: me.username,
    actorRole: me.role,
    action: 'unmerge',
    reportId: original.id,
    details: { from: duplicate.ticketCode, version: result.report.version },
    requestId,
  });
  await deps.events
    .publish({ type: 'report.updated', reportId: original.id, status: result.report.status })
    .catch((err: Error) => deps.logger.error(`live update of report ${original.id} failed: ${err.message}`));
}

/** The action's notice to the report's citizen and its followers (none for internal actions). */
async function notify(deps: ReportActionDeps, report: ReportView, body: ReportActionBody) {
  const notice = noticeFor(body);
  if (!notice) return;
  let followers: ReportFollower[] = [];
  try {
    followers = (await deps.confirmations.get(report.id))?.followers ?? [];
  } catch (err) {
    // The citizen is still told; the followers' copies are what a retry of the action cannot redo.
    deps.logger.error(`followers of report ${report.id} could not be read: ${(err as Error).message}`);
  }
  const chatOf = await chatsOf(deps.identities, [report.citizenRef, ...followers.map((f) => f.citizenRef)]);
  await sendNotices(deps, noticeMessages(report, followers, body.action, notice, chatOf));
}
