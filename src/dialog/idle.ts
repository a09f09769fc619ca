/**
 * The idle rules: a dialog left for a while is offered to be resumed or restarted; after longer,
 * its draft is dropped. Nothing applies at resting steps or when nothing has been answered yet.
 */
import type { FlowDefinition } from './flow.types';
import { RESUME_STEP, type DialogState } from './state';

export type IdleVerdict = 'active' | 'resume' | 'expired';

export function idleVerdict<D, S>(flow: FlowDefinition<D, S>, state: DialogState<D>, now: Date): IdleVerdict {
  if (flow.steps[state.step]?.resting) return 'active';
  if (flow.isDraftEmpty(state.draft)) return 'active';
  const elapsed = now.getTime() - Date.parse(state.lastActivityAt);
  if (elapsed >= flow.expireAfterMs) return 'expired';
  if (elapsed >= flow.resumeAfterMs && state.step !== RESUME_STEP) return 'resume';
  return 'active';
}
