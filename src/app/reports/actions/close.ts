/**
 * "Chiudi": the report is closed with an outcome; the citizen reads the outcome's wording (and the
 * closing words of a reply template when the agent picked one), never the internal note.
 */
import type { AgentAction } from '../agent-action.types';

export const close: AgentAction<'close'> = {
  effects: (command) => ({
    set: { outcome: { code: command.outcome, note: command.note } },
    details: {
      outcome: command.outcome,
      note: command.note,
      ...(command.templateId ? { templateId: command.templateId, citizenMessage: command.citizenMessage } : {}),
    },
  }),
  notice: (command) => ({
    action: 'close',
    outcome: command.outcome,
    ...(command.citizenMessage ? { message: command.citizenMessage } : {}),
  }),
};
