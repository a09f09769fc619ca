/**
 * What a dispatched unit does from the staff bot: accept, say it is on site, close with one of the
 * panel's outcomes, or write a note. Each goes through the same use cases as the panel
 * (performAgentAction, addInternalNote): the report, its audit and timeline, the live panels and
 * the citizen's notice move exactly as they would from the panel. Only the operator the report was
 * dispatched to may act on it, and only while it is dispatched; a repeated button (a double tap, a
 * redelivered update) finds the step done and changes nothing.
 */
import type { LinkedOperator, NoteStore } from '../../domain/ports';
import { performAgentAction, type AgentActionDeps } from '../reports/perform-agent-action';
import { addInternalNote } from '../reports/add-internal-note';
import type { StaffButton } from '../../domain/ports';
import type { StaffDeps } from './staff-deps';
import { OUTCOME_BUTTONS, staffTexts } from './staff-texts';
import { outcomeButtons, stageOf, unitButtons, type UnitCallback } from './unit-buttons';

export type UnitActionDeps = StaffDeps & {
  actions: AgentActionDeps;
  notes: NoteStore;
  /** Usernames of operators, for @mentions in a note. */
  operatorUsernames(): Promise<string[]>;
};

/** What the bot shows after a button: a short answer, and the message's new buttons or a follow-up prompt. */
export type UnitActionReply = {
  answer: string;
  buttons?: StaffButton[][];
  /** A message asking for a reply (the note's text), about this report. */
  prompt?: { text: string; reportId: string };
};

export async function handleUnitCallback(deps: UnitActionDeps, operator: LinkedOperator, cb: UnitCallback): Promise<UnitActionReply> {
  const t = staffTexts(operator.language);
  const report = await deps.actions.reports.get(cb.reportId);
  if (!report) return { answer: t.unknownReport, buttons: [] };
  if (report.dispatch?.operator !== operator.username) return { answer: t.notYours, buttons: [] };
  if (report.status !== 'dispatched') return { answer: t.notDispatched(report.ticketCode, report.status), buttons: [] };
  const actor = { username: operator.username, role: operator.role };
  const stage = stageOf(report.dispatch);

  switch (cb.verb) {
    case 'close':
      return { answer: t.chooseOutcome(report.ticketCode), buttons: outcomeButtons(report.id, operator.language) };
    case 'back':
      return { answer: '', buttons: unitButtons(report.id, operator.language, stage) };
    case 'note':
      return { answer: '', prompt: { text: t.notePrompt(report.ticketCode), reportId: report.id } };
    case 'acc':
    case 'site': {
      const done = cb.verb === 'acc' ? Boolean(report.dispatch?.acceptedAt) : Boolean(report.dispatch?.onSiteAt);
      if (done) return { answer: t.alreadyDone, buttons: unitButtons(report.id, operator.language, stage) };
      const result = await performAgentAction(deps.actions, {
        reportId: report.id,
        command: { action: cb.verb === 'acc' ? 'unit_accepted' : 'unit_on_site', version: report.version },
        actor,
        requestId: `staff-bot:${operator.username}`,
      });
      if (!result.ok) return { answer: t.alreadyDone };
      return {
        answer: cb.verb === 'acc' ? t.accepted(report.ticketCode) : t.onSiteDone(report.ticketCode),
        buttons: unitButtons(report.id, operator.language, stageOf(result.report.dispatch)),
      };
    }
    case 'out': {
      const outcome = cb.outcome!;
      const result = await performAgentAction(deps.actions, {
        reportId: report.id,
        command: { action: 'close', version: report.version, outcome },
        actor,
        requestId: `staff-bot:${operator.username}`,
      });
      if (!result.ok) return { answer: t.alreadyDone, buttons: [] };
      return { answer: t.closed(report.ticketCode, OUTCOME_BUTTONS[operator.language][outcome]), buttons: [] };
    }
  }
}

/** A text the unit wrote in reply to a dispatch (or to the note prompt): an internal note on that report. */
export async function addUnitNote(
  deps: UnitActionDeps,
  operator: LinkedOperator,
  input: { reportId: string; text: string },
): Promise<string> {
  const t = staffTexts(operator.language);
  const report = await deps.actions.reports.get(input.reportId);
  if (!report) return t.unknownReport;
  if (report.dispatch?.operator !== operator.username) return t.notYours;
  const usernames = new Set(await deps.operatorUsernames());
  const result = await addInternalNote(
    { reports: deps.actions.reports, notes: deps.notes, audit: deps.audit, events: deps.actions.events, isOperator: (u) => usernames.has(u) },
    { reportId: report.id, text: input.text.slice(0, 2000), actor: { username: operator.username, role: operator.role }, requestId: `staff-bot:${operator.username}` },
  );
  return result.ok ? t.noteAdded(report.ticketCode) : t.unknownReport;
}
