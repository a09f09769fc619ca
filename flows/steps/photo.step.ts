/** An optional photo ("salta"/"skip"), already checked and saved by the channel (police only). */
import type { InboundPayload } from '../../src/domain/message';
import { skipMenu } from '../choices';
import type { ReportPrompts } from '../../src/texts/citizen';
import { STEP, textOf, type ReportStep } from '../report-steps';

/** Why a photo could not be used, in the citizen's words. */
export function photoProblem(t: ReportPrompts, payload: Extract<InboundPayload, { kind: 'photo' }>): string {
  if (payload.failure === 'too_large') return t.photo.tooLarge;
  if (payload.failure === 'not_an_image') return t.photo.notAnImage;
  return t.photo.failed;
}

export const photoStep: ReportStep = {
  id: STEP.photo,
  needsConsent: true,
  accepts: ['photo', 'text'],
  prompt: (ctx) => ({ text: textOf(ctx).photo.prompt, choices: skipMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).photo.help,
  async handle(ctx) {
    const t = textOf(ctx);
    const { payload } = ctx.message;
    if (payload.kind === 'photo') {
      if (!payload.mediaRef) return { ok: false, reason: photoProblem(t, payload) };
      // A photo sent here (again, when correcting) replaces the earlier ones.
      return {
        ok: true,
        next: STEP.description,
        draft: { ...ctx.draft, photoRefs: [payload.mediaRef] },
        replies: [{ text: t.photo.received }],
      };
    }
    if (ctx.text && skipMenu.match(ctx.text) === 'skip') {
      return { ok: true, next: STEP.description, draft: { ...ctx.draft, photoRefs: [] }, replies: [{ text: t.photo.skipped }] };
    }
    return { ok: false, reason: t.photo.expected };
  },
};
