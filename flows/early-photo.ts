/**
 * A photo sent before its question, as people do with their first words (at the reliability or
 * location question): kept (up to the limit) and said back, the step's question asked again; the
 * photo question is then skipped (flows/skip-answered.ts). A photo the channel could not take is
 * explained as at the photo step.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import { withPhoto } from './steps/photo.step';

export function takeEarlyPhoto(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  const { payload } = ctx.message;
  if (payload.kind !== 'photo') return undefined;
  const t = textOf(ctx);
  const photos = withPhoto(t, ctx.draft.photoRefs, payload);
  if (!photos.ok) return photos;
  return { ok: true, next: ctx.state.step, draft: { ...ctx.draft, photoRefs: photos.photoRefs }, replies: [{ text: t.photo.received }] };
}

