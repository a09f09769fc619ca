/** A short free-text description, with its limit said when exceeded. Extra photos are welcome here. */
import { MAX_DESCRIPTION_LENGTH, MAX_PHOTOS, checkDescription } from '../validators';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { photoProblem } from './photo.step';
import { withObservedWhen } from '../observed-when';

export const descriptionStep: ReportStep = {
  id: STEP.description,
  needsConsent: true,
  accepts: ['text', 'photo'],
  prompt: (ctx) => ({ text: textOf(ctx).description.prompt(MAX_DESCRIPTION_LENGTH) }),
  help: (ctx) => textOf(ctx).description.help(MAX_DESCRIPTION_LENGTH),
  async handle(ctx) {
    const t = textOf(ctx);
    const { payload } = ctx.message;
    if (payload.kind === 'photo') {
      // Albums arrive as several messages: the photos after the first land here.
      if (!payload.mediaRef) return { ok: false, reason: photoProblem(t, payload) };
      if (ctx.draft.photoRefs.includes(payload.mediaRef)) return { ok: true, next: STEP.description };
      if (ctx.draft.photoRefs.length >= MAX_PHOTOS) return { ok: false, reason: t.photo.limitReached(MAX_PHOTOS) };
      return {
        ok: true,
        next: STEP.description,
        draft: { ...ctx.draft, photoRefs: [...ctx.draft.photoRefs, payload.mediaRef] },
        replies: [{ text: t.photo.extraAdded }],
      };
    }
    const checked = checkDescription(ctx.text ?? '');
    if (!checked.ok) {
      return {
        ok: false,
        reason:
          checked.reason === 'too_long'
            ? t.description.tooLong({ length: checked.length, max: MAX_DESCRIPTION_LENGTH })
            : t.description.tooShort,
      };
    }
    // Time words in the description ("stanotte …") fill the report's "when observed" too.
    return { ok: true, next: STEP.summary, draft: withObservedWhen(ctx, { ...ctx.draft, description: checked.value }, checked.value) };
  },
};
