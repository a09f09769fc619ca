/**
 * "Sì, è la stessa situazione": the citizen's answers become a confirmation of the open report
 * (idempotent per message), they follow it from now on, and its priority is recomputed from the
 * report and all its confirmations. If it was closed meanwhile, theirs is sent as a new report.
 */
import { messageKey } from './message-key';
import { categoryById } from '../config/categories';
import { PRIORITY_WEIGHTS } from '../config/priority';
import type { StepOutcome } from '../src/dialog/flow.types';
import { paragraphs } from '../src/dialog/replies';
import type { ConfirmedReportView, PriorityScore } from '../src/domain/ports';
import { bestReliability, computePriority } from '../src/domain/priority';
import { closedUntil } from './hours';
import { urgencyTerms } from './nlp';
import { emptyDraft, type ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';
import { missingStep, submitReport } from './submit';

const time = (d: Date | string) => new Date(d).getTime();

/**
 * The priority of a confirmed report: its category's severity; the most direct knowledge among the
 * report and its confirmations; the urgency terms of every description; its photos (the
 * confirmers' included); the counted confirmations; and how soon the latest one followed the
 * sighting before it (the report's creation or the previous counted confirmation).
 */
export function rescoreConfirmed(report: ConfirmedReportView): PriorityScore {
  const counted = report.confirmationsList.filter((c) => c.counted);
  const sightings = [time(report.createdAt), ...counted.map((c) => time(c.at))].sort((a, b) => a - b);
  const gap = sightings.length > 1 ? sightings[sightings.length - 1] - sightings[sightings.length - 2] : undefined;
  return computePriority(
    {
      severity: categoryById(report.categoryId)?.severity ?? 1,
      reliability: bestReliability([report.reliability, ...report.confirmationsList.map((c) => c.reliability)], PRIORITY_WEIGHTS),
      urgencyTerms: [report.description, ...report.confirmationsList.map((c) => c.description)].flatMap((text) => urgencyTerms(text)),
      photoCount: report.photoRefs.length,
      confirmations: report.confirmations,
      ...(gap !== undefined ? { confirmationGapMs: gap } : {}),
    },
    PRIORITY_WEIGHTS,
  );
}

export async function confirmNearbyReport(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const { draft, message, services } = ctx;
  const t = textOf(ctx);
  const nearby = draft.nearby;
  if (!nearby || missingStep(draft)) return submitReport(ctx);
  const result = await services.confirmations.addConfirmation(
    nearby.reportId,
    {
      messageId: messageKey(message),
      at: message.receivedAt,
      citizenRef: ctx.citizenRef,
      channel: message.channel,
      language: ctx.lang,
      reliability: draft.reliability!,
      description: draft.description!,
      photoRefs: draft.photoRefs,
      ...(draft.location ? { point: draft.location.point } : {}),
    },
    rescoreConfirmed,
  );
  if (!result.ok) {
    const sent = await submitReport(ctx);
    if (!sent.ok) return sent;
    const [submitted, ...rest] = sent.replies ?? [];
    return { ...sent, replies: [{ text: paragraphs(t.nearby.goneMeanwhile, submitted?.text) }, ...rest] };
  }
  return {
    ok: true,
    next: STEP.idle,
    draft: emptyDraft(),
    replies: [
      {
        text: t.nearby.confirmed({ ticket: result.report.ticketCode, closedUntil: closedUntil(services.municipality, ctx.now, ctx.lang) }),
      },
    ],
    reportId: result.report.id,
    // Also on a retried turn: the first attempt may have stopped before telling the panel.
    reportUpdated: true,
  };
}
