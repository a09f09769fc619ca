/**
 * When it was seen, told where another question waits ("ieri sera" at «Come lo sai?"): kept as the
 * report's "when observed", said back, and the question asked again. Only a message made of time
 * words (and small words around them): anything more is left to the step.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import { timeWordsIn } from '../src/nlp/time-words';
import { contentTokens } from './nlp';
import { withObservedWhen } from './observed-when';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';

export function takeEarlyWhen(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  const text = ctx.text?.trim();
  if (!text || ctx.message.payload.kind !== 'text') return undefined;
  const when = timeWordsIn(text);
  if (!when || contentTokens(text.replace(when, ' ')).length > 0) return undefined;
  const draft = withObservedWhen(ctx, ctx.draft, text);
  if (!draft.observedWhen) return undefined;
  return { ok: true, next: ctx.state.step, draft, replies: [{ text: textOf(ctx).whenKept(draft.observedWhen.text) }] };
}
