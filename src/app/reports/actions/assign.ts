/**
 * "Assegna": the report goes to an operator (and their team) or to a team as a whole, with a reason.
 * Internal: the citizen is not told who handles their report.
 */
import type { AgentAction } from '../agent-action.types';

export const assign: AgentAction<'assign'> = {
  effects: (command) => ({
    set: { assignee: command.assignee, team: command.team },
    details: {
      reason: command.reason,
      ...(command.assignee ? { to: command.assignee } : {}),
      ...(command.team ? { team: command.team } : {}),
    },
  }),
  notice: () => undefined,
};
