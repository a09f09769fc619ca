/**
 * A citizen's answer to an agent's question: with no dialog in progress, a text or photo from a
 * citizen whose report waits for details is attached to that report, which goes back to review
 * (src/app/reports/answer-agent-question.ts: the audited transition, the citizen as actor).
 * Idempotent: the info is keyed by the message, and a retried turn finds the report it already
 * updated (which no longer waits for info) through that key.
 */
import { messageKey } from './message-key';
import { answerAgentQuestion as answerAgentQuestionUseCase } from '../src/app/reports/answer-agent-question';
import type { StepSuccess } from '../src/dialog/flow.types';
import type { ReportView } from '../src/domain/ports';
import type { ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';

async function reportAwaitingAnswer(ctx: ReportStepContext): Promise<ReportView | undefined> {
  const { reports } = ctx.services;
  const waiting = await reports.findAwaitingInfo(ctx.citizenRef);
  if (waiting) return waiting;
  const recent = await reports.listByCitizen(ctx.citizenRef, 10);
  return recent.find((r) => r.citizenInfo.some((info) => info.messageId === messageKey(ctx.message)));
}

export async function answerAgentQuestion(ctx: ReportStepContext): Promise<StepSuccess<ReportDraft> | undefined> {
  const { payload, receivedAt } = ctx.message;
  const messageId = messageKey(ctx.message);
  if (payload.kind !== 'text' && payload.kind !== 'photo') return undefined;
  const report = await reportAwaitingAnswer(ctx);
  if (!report) return undefined;
  const t = textOf(ctx);
  if (payload.kind === 'photo' && !payload.mediaRef) {
    const reason =
      payload.failure === 'too_large' ? t.photo.tooLarge : payload.failure === 'not_an_image' ? t.photo.notAnImage : t.photo.failed;
    return { ok: true, next: STEP.idle, replies: [{ text: reason }] };
  }
  await answerAgentQuestionUseCase(ctx.services, report, {
    messageId,
    at: receivedAt,
    ...(ctx.text ? { text: ctx.text } : {}),
    ...(payload.kind === 'photo' && payload.mediaRef ? { mediaRef: payload.mediaRef } : {}),
  });
  return {
    ok: true,
    next: STEP.idle,
    replies: [{ text: t.agentAnswer.thanks(report.ticketCode) }],
    reportId: report.id,
    reportUpdated: true,
  };
}
