/**
 * An agent's action on a report: one move of the domain state machine (atomic, guarded by the
 * version the agent saw), then the audit event, the live update for every panel, and the
 * citizen's notice through the outbound queue of their channel.
 */
import type { OutboundMessage } from '../domain/message';
import { citizenNoticeText, type CitizenNotice } from '../domain/notifications';
import type { ApplyTransitionInput, AuditLog, EventBus, JobScheduler, OutboundLog, ReportStore, ReportView } from '../domain/ports';
import type { ReportStatus } from '../domain/report';
import type { Logger } from '../log/logger';
import type { CurrentOperator } from './auth.middleware';
import type { OperatorNames } from './operator-names';
import { STATUS_LABELS, labelOf } from './panel-labels';
import { panelMessage, type PanelLang } from './panel-messages';
import type { ReportActionBody } from './report-action.schema';

export type ReportActionDeps = {
  reports: ReportStore;
  audit: AuditLog;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  events: EventBus;
  names: OperatorNames;
  logger: Logger;
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
    case 'mark_duplicate':
      return { action: body.action };
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

  if (body.action === 'mark_duplicate') {
    const original = await deps.reports.getByTicket(body.duplicateOf);
    if (!original) return { ok: false, status: 422, error: panelMessage('duplicateUnknown', lang, { code: body.duplicateOf }) };
    if (original.id === current.id) return { ok: false, status: 422, error: panelMessage('duplicateSelf', lang) };
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
  const notice = noticeFor(body);
  if (notice) {
    const msg: OutboundMessage = {
      channel: report.channel,
      chatId: report.chatId,
      text: citizenNoticeText(notice, report.ticketCode, report.language),
      purpose: 'status-update',
      reportId: report.id,
      outboundId: `${report.id}:${body.action}:${report.version}`,
    };
    try {
      await deps.outbound.record(msg);
      await deps.scheduler.enqueueOutbound(msg);
    } catch (err) {
      deps.logger.error(`notice to the citizen for report ${report.id} (${body.action}) failed: ${(err as Error).message}`);
    }
  }
  return { ok: true, report, from: moved.from };
}
