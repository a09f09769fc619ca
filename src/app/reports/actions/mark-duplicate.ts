/**
 * "Duplicato di": the report is closed as a duplicate of another ticket and merged into it
 * (src/app/reports/merge-duplicate.ts), so its citizens follow the original from then on.
 */
import type { AgentAction } from '../agent-action.types';

export const markDuplicate: AgentAction<'mark_duplicate'> = {
  effects: (command) => ({ set: { duplicateOf: command.duplicateOf }, details: { duplicateOf: command.duplicateOf } }),
  notice: (command) => ({ action: 'mark_duplicate', mergedInto: command.duplicateOf }),
};
