/** "Riapri": a finished report goes back to review, held by the agent who reopened it; the citizen is not told. */
import type { AgentAction } from '../agent-action.types';

export const reopen: AgentAction<'reopen'> = {
  effects: (command, _current, actor) => ({ set: { assignee: actor.username }, details: { note: command.note } }),
  notice: () => undefined,
};
