/** "Chiudi": the report is closed with an outcome; the citizen reads the outcome's wording, never the note. */
import type { AgentAction } from '../agent-action.types';

export const close: AgentAction<'close'> = {
  effects: (command) => ({
    set: { outcome: { code: command.outcome, note: command.note } },
    details: { outcome: command.outcome, note: command.note },
  }),
  notice: (command) => ({ action: 'close', outcome: command.outcome }),
};
