/**
 * An agent's action on a report: one move of the domain state machine through the report store's
 * audited transition (atomic, guarded by the version the agent saw), the live update for every
 * panel, and the notice to the report's citizen and followers through the outbound queue of their
 * channels. What each action sets and says lives in ./actions/<action>.ts; marking a duplicate also
 * merges it into the original (./merge-duplicate.ts).
 */
import type { ConfirmationStore, EventBus, IdentityStore, JobScheduler, OutboundLog, ReportStore, ReportView } from '../../domain/ports';
import type { ReportStatus } from '../../domain/report';
import type { Logger } from '../../log/logger';
import { notifyReportCitizens } from '../citizens/notify-citizens';
import { askIfResolved } from '../citizens/resolution-check';
import { AGENT_ACTIONS } from './actions';
import type { Actor, AgentAction, AgentActionCommand, AgentActionResult } from './agent-action.types';
import { mergeDuplicate, unmergeDuplicate, type MergeDeps } from './merge-duplicate';
import { sendDispatchToUnit } from '../staff/dispatch-to-unit';
import type { StaffDeps } from '../staff/staff-deps';

export type AgentActionDeps = MergeDeps & {
  reports: ReportStore;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  events: EventBus;
  logger: Logger;
  /** Followers of a report (ConfirmationStore.get), who get its updates too. */
  confirmations: Pick<ConfirmationStore, 'get'>;
  /** Where each citizen is reached: reports and followers carry only citizenRefs. */
  identities: Pick<IdentityStore, 'get'>;
  /** The staff bot, when configured: a dispatch to a linked unit is sent to its phone. */
  staff?: StaffDeps;
};

/** Statuses in which a report is in someone's hands. */
const HELD: readonly ReportStatus[] = ['in_review', 'needs_info', 'dispatched'];

const heldByOther = (r: ReportView, actor: Actor) => Boolean(r.assignee) && r.assignee !== actor.username && HELD.includes(r.status);

const stateOf = (r: ReportView) => ({ status: r.status, assignee: r.assignee, version: r.version });

/** A move that lost a race or was refused because someone else holds the report. */
const conflict = (latest: ReportView | undefined | null, actor: Actor): AgentActionResult =>
  !latest
    ? { ok: false, reason: 'not_found' }
    : { ok: false, reason: heldByOther(latest, actor) ? 'held_by_other' : 'stale', current: stateOf(latest) };

/** The reason written into the audit entry, when the action carries one in the agent's words. */
function reasonOf(command: AgentActionCommand): string | undefined {
  if (command.action === 'reject') return command.reason;
  if (command.action === 'close' || command.action === 'reopen' || command.action === 'dispatch') return command.note;
  if (command.action === 'ask_info') return command.message;
  if (command.action === 'assign' || command.action === 'release') return command.reason;
  return undefined;
}

export async function performAgentAction(
  deps: AgentActionDeps,
  /** `reason`: why, when the command itself carries none (bulk triage gives one reason for all). */
  input: { reportId: string; command: AgentActionCommand; actor: Actor; requestId?: string; now?: Date; reason?: string },
): Promise<AgentActionResult> {
  const { command, actor } = input;
  const current = await deps.reports.get(input.reportId);
  if (!current) return { ok: false, reason: 'not_found' };

  // Taking a report someone else holds, or (for agents) acting on it, is a conflict naming the holder;
  // supervisors and admins may act on any report, and the unit it was dispatched to on what it was sent for.
  const dispatchedUnit = current.status === 'dispatched' && current.dispatch?.operator === actor.username;
  if (heldByOther(current, actor) && (command.action === 'take' || (actor.role === 'agent' && !dispatchedUnit))) return conflict(current, actor);

  const action = AGENT_ACTIONS[command.action] as AgentAction<typeof command.action>;
  let original: ReportView | undefined;
  if (command.action === 'mark_duplicate') {
    original = (await deps.reports.getByTicket(command.duplicateOf)) ?? undefined;
    if (!original) return { ok: false, reason: 'duplicate_unknown', code: command.duplicateOf };
    if (original.id === current.id) return { ok: false, reason: 'duplicate_self' };
    // Already marked as a duplicate of this report: a retry completes the merge and the notices (idempotent).
    if (current.status === 'duplicate' && current.duplicateOf === original.ticketCode) {
      await mergeDuplicate(deps, current, original, actor, input.requestId);
      await notifyReportCitizens(deps, current, command.action, action.notice(command as never));
      return { ok: true, report: current, from: current.status };
    }
    // Merging into a duplicate would hand the citizens a report nobody works on.
    if (original.status === 'duplicate')
      return { ok: false, reason: 'duplicate_of_duplicate', code: original.ticketCode, original: original.duplicateOf ?? '' };
  }

  const { set, details } = action.effects(command as never, current, actor, input.now ?? new Date());
  const reason = reasonOf(command) ?? input.reason;
  const moved = await deps.reports.applyTransition({
    id: current.id,
    action: command.action,
    actor: actor.username,
    actorRole: actor.role,
    ...(reason ? { reason } : {}),
    details,
    ...(input.requestId ? { requestId: input.requestId } : {}),
    expectedVersion: command.version,
    set,
  });
  if (!moved.ok) {
    if (moved.reason === 'not_found') return { ok: false, reason: 'not_found' };
    // Not allowed from the status the agent did not see: someone else moved it first.
    if (moved.reason === 'conflict' || (moved.current && moved.current.version !== command.version)) return conflict(moved.current, actor);
    return { ok: false, reason: 'not_allowed', status: moved.current?.status ?? current.status };
  }

  const report = moved.report;
  // The move is done and audited: a failure to tell others is logged, not turned into an error.
  await deps.events
    .publish({ type: 'report.updated', reportId: report.id, status: report.status, from: moved.from })
    .catch((err: Error) => deps.logger.error(`live update of report ${report.id} failed: ${err.message}`));
  if (original) await mergeDuplicate(deps, report, original, actor, input.requestId);
  // A reopened duplicate was not the same situation: its citizens stop getting the original's updates.
  if (command.action === 'reopen' && moved.from === 'duplicate' && current.duplicateOf)
    await unmergeDuplicate(deps, report, current.duplicateOf, actor, input.requestId);
  await notifyReportCitizens(deps, report, command.action, action.notice(command as never));
  // After a close with an outcome: "Il problema è stato risolto?" (src/app/citizens/resolution-check.ts).
  if (command.action === 'close')
    await askIfResolved(deps, report, input.now ?? new Date()).catch((err: Error) =>
      deps.logger.error(`after-close question for report ${report.id} failed: ${err.message}`),
    );
  if (command.action === 'dispatch' && command.unitOperator && deps.staff)
    await sendDispatchToUnit(deps.staff, {
      report,
      unitOperator: command.unitOperator,
      sendPhoto: Boolean(command.sendPhoto),
      actor,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    }).catch((err: Error) => deps.logger.error(`dispatch of ${report.ticketCode} to ${command.unitOperator}'s phone not queued: ${err.message}`));
  return { ok: true, report, from: moved.from };
}
