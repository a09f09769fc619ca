/**
 * "Sì, è la stessa situazione": the dialog step around the confirm use case
 * (src/app/reports/confirm-report.ts). If the report was closed meanwhile, theirs is sent as a new report.
 */
import { messageKey } from './message-key';
import { confirmReport } from '../src/app/reports/confirm-report';
import type { StepOutcome } from '../src/dialog/flow.types';
import { paragraphs } from '../src/dialog/replies';
import { closedUntil } from './hours';
import { emptyDraft, type ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';
import { missingStep, submitReport } from './submit';

export async function confirmNearbyReport(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const { draft, message, services } = ctx;
  const t = textOf(ctx);
  const nearby = draft.nearby;
  if (!nearby || missingStep(draft)) return submitReport(ctx);
  const result = await confirmReport(services, nearby.reportId,
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
