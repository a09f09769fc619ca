/** "Chiedi dettagli": the agent asks the citizen a question; the report waits for the answer (flows/agent-answer.ts). */
import type { AgentAction } from '../agent-action.types';

export const askInfo: AgentAction<'ask_info'> = {
  effects: (command, current, actor) => ({
    set: current.assignee ? {} : { assignee: actor.username },
    details: { message: command.message, ...(command.templateId ? { templateId: command.templateId } : {}) },
  }),
  notice: (command) => ({ action: 'ask_info', question: command.message }),
};
