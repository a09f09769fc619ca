/** "Invia pattuglia": a unit is sent; the note stays internal (the citizen is told only that someone is on the way). */
import type { AgentAction } from '../agent-action.types';

export const dispatch: AgentAction<'dispatch'> = {
  effects: (command, current, actor, now) => ({
    set: {
      ...(current.assignee ? {} : { assignee: actor.username }),
      dispatch: { unit: command.unit, note: command.note, at: now, ...(command.unitOperator ? { operator: command.unitOperator } : {}) },
    },
    details: {
      unit: command.unit,
      note: command.note,
      ...(command.unitOperator ? { unitOperator: command.unitOperator, sendPhoto: Boolean(command.sendPhoto) } : {}),
    },
  }),
  notice: () => ({ action: 'dispatch' }),
};
