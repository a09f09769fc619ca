/**
 * What an agent asks of a report (the panel's POST /api/reports/:id/actions body once validated)
 * and what the use case answers: domain results, never HTTP codes (the route maps them).
 */
import type { CitizenNotice } from '../../domain/notifications';
import type { ApplyTransitionInput, ReportView } from '../../domain/ports';
import type { Outcome, ReportStatus } from '../../domain/report';

export type AgentActionCommand =
  | { action: 'take'; version: number }
  | { action: 'ask_info'; version: number; message: string; templateId?: string }
  /** `unitOperator`: a linked operator (a patrol's phone) the staff bot sends the dispatch to; `sendPhoto`: with the report's photos. */
  | { action: 'dispatch'; version: number; unit: string; note?: string; unitOperator?: string; sendPhoto?: boolean }
  /** `citizenMessage`: closing words for the citizen (a reply template's text in their language). */
  | { action: 'close'; version: number; outcome: Outcome; note?: string; citizenMessage?: string; templateId?: string }
  | { action: 'reject'; version: number; reason: string }
  | { action: 'mark_duplicate'; version: number; duplicateOf: string }
  | { action: 'reopen'; version: number; note?: string }
  /** To an operator (`assignee`, with their `team`) or to a team as a whole (`team` only). */
  | { action: 'assign'; version: number; assignee?: string; team?: string; reason: string }
  | { action: 'release'; version: number; reason: string }
  /** From the staff bot: the dispatched unit has the dispatch in hand / is on the spot. */
  | { action: 'unit_accepted'; version: number }
  | { action: 'unit_on_site'; version: number };

export type AgentActionName = AgentActionCommand['action'];
export type CommandOf<A extends AgentActionName> = Extract<AgentActionCommand, { action: A }>;

/** Who acts: the operator's username (what the report and the audit keep) and role. */
export type Actor = { username: string; role: string };

/** Where the report stands when the action could not be applied (the panel shows who holds it). */
export type ReportState = { status: ReportStatus; assignee?: string; version: number };

export type AgentActionResult =
  | { ok: true; report: ReportView; from: ReportStatus }
  | { ok: false; reason: 'not_found' }
  /** Another operator holds the report (`current.assignee`). */
  | { ok: false; reason: 'held_by_other'; current: ReportState }
  /** The report changed since the agent saw it. */
  | { ok: false; reason: 'stale'; current: ReportState }
  /** The state table does not allow the action from the report's status. */
  | { ok: false; reason: 'not_allowed'; status: ReportStatus }
  | { ok: false; reason: 'duplicate_unknown'; code: string }
  | { ok: false; reason: 'duplicate_self' }
  | { ok: false; reason: 'duplicate_of_duplicate'; code: string; original: string };

/** One agent action's own rules: what it writes besides the status, what is audited, what the citizen is told. */
export type AgentAction<A extends AgentActionName> = {
  /** The fields the move sets on the report, and the details its audit entry records. */
  effects(
    command: CommandOf<A>,
    current: ReportView,
    actor: Actor,
    now: Date,
  ): { set: ApplyTransitionInput['set']; details: Record<string, unknown> };
  /** What the report's citizen and followers are told; undefined for an internal action. */
  notice(command: CommandOf<A>): CitizenNotice | undefined;
};
