/** An optional photo ("salta"/"skip"), already checked and saved by the channel (police only). */
import type { InboundPayload } from '../../src/domain/message';
import { skipMenu } from '../choices';
import type { ReportPrompts } from '../../src/texts/citizen';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { MAX_PHOTOS } from '../validators';
import { skipAnswered } from '../skip-answered';
import { takeEarlyDetails } from '../early-details';

/** Why a photo could not be used, in the citizen's words. */
export function photoProblem(t: ReportPrompts, payload: Extract<InboundPayload, { kind: 'photo' }>): string {
  if (payload.failure === 'too_large') return t.photo.tooLarge;
  if (payload.failure === 'not_an_image') return t.photo.notAnImage;
  return t.photo.failed;
}

/**
 * The draft's photos with one more the channel took (a redelivered one counts once), or why it cannot
 * be added: the channel could not take it, or the draft already has MAX_PHOTOS. Shared by the steps
 * that take extra or early photos (the description step, flows/early-photo.ts).
 */
export function withPhoto(
  t: ReportPrompts,
  photoRefs: readonly string[],
  payload: Extract<InboundPayload, { kind: 'photo' }>,
): { ok: true; photoRefs: string[]; added: boolean } | { ok: false; reason: string } {
  if (!payload.mediaRef) return { ok: false, reason: photoProblem(t, payload) };
  if (photoRefs.includes(payload.mediaRef)) return { ok: true, photoRefs: [...photoRefs], added: false };
  if (photoRefs.length >= MAX_PHOTOS) return { ok: false, reason: t.photo.limitReached(MAX_PHOTOS) };
  return { ok: true, photoRefs: [...photoRefs, payload.mediaRef], added: true };
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
        next: skipAnswered(STEP.description, ctx.draft),
        draft: { ...ctx.draft, photoRefs: [payload.mediaRef] },
        replies: [{ text: t.photo.received }],
      };
    }
    if (ctx.text && skipMenu.match(ctx.text) === 'skip') {
      return { ok: true, next: skipAnswered(STEP.description, ctx.draft), draft: { ...ctx.draft, photoRefs: [] }, replies: [{ text: t.photo.skipped }] };
    }
    // "ah, la macchina è una punto grigia": details told while the photo is asked for are kept.
    const details = takeEarlyDetails(ctx);
    if (details) return details;
    return { ok: false, reason: t.photo.expected };
  },
};
