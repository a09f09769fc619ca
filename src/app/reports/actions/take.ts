/** "Prendo in carico": the agent takes a new report for themself. */
import type { AgentAction } from '../agent-action.types';

export const take: AgentAction<'take'> = {
  effects: (_command, _current, actor) => ({ set: { assignee: actor.username }, details: {} }),
  notice: () => ({ action: 'take' }),
};
