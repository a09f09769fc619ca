/**
 * "Rimetti in coda": the holder hands the report back to the queue (nobody holds it; its team
 * stays), with a reason. Internal: the citizen is not told.
 */
import type { AgentAction } from '../agent-action.types';

export const release: AgentAction<'release'> = {
  effects: (command, current) => ({
    set: { assignee: undefined },
    details: { reason: command.reason, ...(current.assignee ? { from: current.assignee } : {}) },
  }),
  notice: () => undefined,
};
