/** "Rifiuta": the report is not acted upon; the reason stays internal (the citizen gets a neutral wording). */
import type { AgentAction } from '../agent-action.types';

export const reject: AgentAction<'reject'> = {
  effects: (command) => ({ set: { outcome: { note: command.reason } }, details: { reason: command.reason } }),
  notice: () => ({ action: 'reject' }),
};
