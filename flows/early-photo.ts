/**
 * A photo sent before its question, as people do with their first words (at the reliability or
 * location question): kept (up to the limit) and said back, the step's question asked again; the
 * photo question is then skipped (flows/skip-answered.ts). A photo the channel could not take is
 * explained as at the photo step.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import { photoProblem } from './steps/photo.step';
import { MAX_PHOTOS } from './validators';

export function takeEarlyPhoto(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  const { payload } = ctx.message;
  if (payload.kind !== 'photo') return undefined;
  const t = textOf(ctx);
  if (!payload.mediaRef) return { ok: false, reason: photoProblem(t, payload) };
  const photoRefs = ctx.draft.photoRefs.includes(payload.mediaRef) ? ctx.draft.photoRefs : [...ctx.draft.photoRefs, payload.mediaRef];
  if (photoRefs.length > MAX_PHOTOS) return { ok: false, reason: t.photo.limitReached(MAX_PHOTOS) };
  return { ok: true, next: ctx.state.step, draft: { ...ctx.draft, photoRefs }, replies: [{ text: t.photo.received }] };
}

