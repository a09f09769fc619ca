/**
 * Sending the confirmed report: one report per confirming message (createOnce keyed by
 * channel:messageId, so a retried turn returns the same report), its initial priority, and what
 * happens next, worded for inside or outside service hours.
 */
import { messageKey } from './message-key';
import { categoryById } from '../config/categories';
import { PRIORITY_WEIGHTS } from '../config/priority';
import type { StepOutcome } from '../src/dialog/flow.types';
import { computePriority } from '../src/domain/priority';
import { closedUntil } from './hours';
import { urgencyTerms } from './nlp';
import { emptyDraft, type ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';

/** The first question still unanswered, if any (a draft restored from an odd state). */
export function missingStep(draft: ReportDraft): string | undefined {
  if (!draft.categoryId || !categoryById(draft.categoryId)) return STEP.category;
  if (!draft.reliability) return STEP.reliability;
  if (!draft.location) return STEP.location;
  if (!draft.description) return STEP.description;
  return undefined;
}

export async function submitReport(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const { draft, message, services } = ctx;
  const t = textOf(ctx);
  const missing = missingStep(draft);
  if (missing) return { ok: true, next: missing, replies: [{ text: t.summary.incomplete }] };
  const category = categoryById(draft.categoryId!)!;
  const location = draft.location!;
  const priority = computePriority(
    {
      severity: category.severity,
      reliability: draft.reliability!,
      urgencyTerms: urgencyTerms(draft.description!),
      photoCount: draft.photoRefs.length,
    },
    PRIORITY_WEIGHTS,
  );
  const { report } = await services.reports.createOnce({
    categoryId: category.id,
    reliability: draft.reliability!,
    point: location.point,
    ...(location.address ? { address: location.address } : {}),
    ...(location.zone ? { zone: location.zone } : {}),
    ...(location.zipcode ? { zipcode: location.zipcode } : {}),
    description: draft.description!,
    photoRefs: draft.photoRefs,
    channel: message.channel,
    citizenRef: ctx.citizenRef,
    language: ctx.lang,
    priority: priority.score,
    priorityFactors: priority.factors,
    sourceMessageKey: messageKey(message),
  });
  return {
    ok: true,
    next: STEP.idle,
    draft: emptyDraft(),
    replies: [{ text: t.submitted({ ticket: report.ticketCode, closedUntil: closedUntil(services.municipality, ctx.now, ctx.lang) }) }],
    reportId: report.id,
    // Also on a retried turn (created: false): the first attempt may have stopped before telling the panel.
    reportCreated: true,
  };
}
