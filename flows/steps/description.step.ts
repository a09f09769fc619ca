/** A short free-text description, with its limit said when exceeded. Extra photos are welcome here. */
import { MAX_DESCRIPTION_LENGTH, checkDescription } from '../validators';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { withPhoto } from './photo.step';
import { withObservedWhen } from '../observed-when';
import { summaryMenu } from '../choices';
import { tokenize } from '../nlp';
import { isOnlyThanks } from './rest.steps';

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
      const photos = withPhoto(t, ctx.draft.photoRefs, payload);
      if (!photos.ok) return photos;
      if (!photos.added) return { ok: true, next: STEP.description };
      return { ok: true, next: STEP.description, draft: { ...ctx.draft, photoRefs: photos.photoRefs }, replies: [{ text: t.photo.extraAdded }] };
    }
    // "ok", "ok invia", "grazie": no description; the summary comes after one. ("Confermo: vetri rotti
    // dappertutto" is one: only a short answer is read as «Invia».)
    const saysNothing =
      ctx.text !== undefined && (isOnlyThanks(ctx.text) || (tokenize(ctx.text).length <= 3 && summaryMenu.match(ctx.text) === 'send'));
    const checked = saysNothing ? ({ ok: false, reason: 'too_short' } as const) : checkDescription(ctx.text ?? '');
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
