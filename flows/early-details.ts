/**
 * Details of the problem told where another question waits ("ah, la macchina è una punto grigia" at
 * the photo question, "mi hanno rubato la bici ieri sera" at «Come lo sai?»): kept in the description
 * (added to one given before), with their time words, and the question asked again. The description
 * question is then skipped (the photo step goes straight to the summary).
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import { checkDescription } from './validators';
import { contentTokens, tokenize } from './nlp';
import { withObservedWhen } from './observed-when';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';

/** Words about the photo itself ("la foto te la mando dopo"): never taken as details of the problem. */
const PHOTO_WORDS = new Set(['foto', 'fotografia', 'immagine', 'photo', 'picture', 'pic', 'image', 'pict']);

/**
 * A text that tells more about the problem: `minWords` content words or more, not a question, not
 * about the photo. Short answers ("ok", "sì", "invia") are not details.
 */
function detailsIn(text: string, minWords: number): string | undefined {
  const trimmed = text.trim();
  if (trimmed.endsWith('?')) return undefined;
  if (contentTokens(trimmed).length < minWords || tokenize(trimmed).some((token) => PHOTO_WORDS.has(token))) return undefined;
  const checked = checkDescription(trimmed);
  return checked.ok ? checked.value : undefined;
}

export function takeEarlyDetails(ctx: ReportStepContext, minWords = 3): StepOutcome<ReportDraft> | undefined {
  const details = ctx.text && ctx.message.payload.kind === 'text' ? detailsIn(ctx.text, minWords) : undefined;
  if (!details) return undefined;
  const description = ctx.draft.description ? `${ctx.draft.description}\n${details}` : details;
  if (!checkDescription(description).ok) return undefined;
  const t = textOf(ctx).photo;
  return {
    ok: true,
    next: ctx.state.step,
    draft: withObservedWhen(ctx, { ...ctx.draft, description }, details),
    replies: [{ text: ctx.draft.description ? t.detailsAdded : t.detailsKept }],
  };
}
