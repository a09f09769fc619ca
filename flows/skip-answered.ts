/** Which question comes next when a draft may already hold the answer (a one-message report, answers told early). */
import type { ReportDraft } from './report-draft';
import { STEP } from './report-steps';

/**
 * The step after `next` for a draft that may already hold its answer: a one-message report skips
 * the place it gave and the photo question; any report skips a place and photos given early, and a
 * description told before its question (flows/early-details.ts, the category step).
 */
export function skipAnswered(next: string, draft: ReportDraft): string {
  if (next === STEP.location && draft.location) return skipAnswered(STEP.photo, draft);
  if (next === STEP.photo && (draft.oneMessage || draft.photoRefs.length > 0)) return skipAnswered(STEP.description, draft);
  if (next === STEP.description && draft.description) return STEP.summary;
  return next;
}
