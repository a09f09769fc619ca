/**
 * The dialog's last step: the confirmed draft goes to the submit use case
 * (src/app/reports/submit-report.ts: priority, one report per confirming message), and the citizen
 * reads the ticket and what happens next, worded for inside or outside service hours.
 */
import { messageKey } from './message-key';
import { categoryById } from '../config/categories';
import { submitReport as submitReportUseCase } from '../src/app/reports/submit-report';
import type { StepOutcome } from '../src/dialog/flow.types';
import { closedUntil } from './hours';
import { observedWhenFromJson } from '../src/domain/observed-when';
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

const DAY_MS = 24 * 60 * 60_000;

/** The citizen already sent the most reports allowed in the last 24 hours (a retried turn of the same message is not counted twice). */
async function overDailyLimit(ctx: ReportStepContext, key: string): Promise<boolean> {
  const max = ctx.services.limits.reportsPerDay;
  const since = ctx.now.getTime() - DAY_MS;
  const recent = await ctx.services.reports.listByCitizen(ctx.citizenRef, max + 1);
  return recent.filter((r) => new Date(r.createdAt).getTime() > since && r.sourceMessageKey !== key).length >= max;
}

export async function submitReport(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const { draft, message, services } = ctx;
  const t = textOf(ctx);
  const missing = missingStep(draft);
  if (missing) return { ok: true, next: missing, replies: [{ text: t.summary.incomplete }] };
  const sourceMessageKey = messageKey(message);
  if (await overDailyLimit(ctx, sourceMessageKey)) {
    // The draft is kept: "Invia" later sends it.
    return { ok: false, reason: t.limits.reportsPerDay(services.limits.reportsPerDay) };
  }
  const location = draft.location!;
  const submitted = await submitReportUseCase(services, {
    categoryId: draft.categoryId!,
    reliability: draft.reliability!,
    location: {
      point: location.point,
      ...(location.address ? { address: location.address } : {}),
      ...(location.zone ? { zone: location.zone } : {}),
      ...(location.zipcode ? { zipcode: location.zipcode } : {}),
    },
    description: draft.description!,
    photoRefs: draft.photoRefs,
    channel: message.channel,
    citizenRef: ctx.citizenRef,
    language: ctx.lang,
    sourceMessageKey,
    ...(draft.observedWhen ? { observedWhen: observedWhenFromJson(draft.observedWhen) } : {}),
  });
  if (!submitted.ok) return { ok: true, next: STEP.category, replies: [{ text: t.summary.incomplete }] };
  const { report } = submitted;
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
