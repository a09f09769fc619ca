/**
 * The after-close check: when an agent closes a report with an outcome, its citizen gets one
 * question, "Il problema è stato risolto?" (sì / no / è ancora lì), as buttons. The answer is
 * stored on the report (counted in the indicators by zone and category) and audited; "no" or "è
 * ancora lì" within the configured days reopens the report through the one audited transition, or
 * opens a linked follow-up report (config RESOLUTION_NOT_SOLVED). Sensitive categories get no
 * question: what the citizen sees of them does not change.
 */
import { categoryById } from '../../../config/categories';
import { RESOLUTION_ANSWERS } from '../../domain/notifications';
import { RESOLUTION_CHOICES, resolutionQuestionText } from '../../texts/citizen/notice-text';
import type {
  AuditLog,
  IdentityStore,
  JobScheduler,
  OutboundLog,
  ReportStore,
  ReportView,
  ResolutionAnswer,
  ResolutionResult,
} from '../../domain/ports';
import type { Outcome } from '../../domain/report';
import type { Logger } from '../../log/logger';
import { sendNotices } from './notify-citizens';

/** Outcomes after which the question makes sense (not "not our competence", not "false alarm"). */
export const RESOLUTION_CHECK_OUTCOMES: readonly Outcome[] = ['intervention_done', 'nothing_found'];

export type ResolutionSettings = {
  /** Days after the question within which "not solved" reopens or follows up (RESOLUTION_REOPEN_DAYS). */
  reopenDays: number;
  /** RESOLUTION_NOT_SOLVED. */
  notSolved: 'reopen' | 'follow_up';
};

const DAY_MS = 24 * 60 * 60_000;

export function shouldAskResolution(report: ReportView): boolean {
  return (
    report.status === 'closed' &&
    report.outcome?.code !== undefined &&
    RESOLUTION_CHECK_OUTCOMES.includes(report.outcome.code) &&
    !report.citizenOptedOut &&
    categoryById(report.categoryId)?.sensitive !== true
  );
}

/** Sends the question to the report's citizen (not the followers) and marks the report as asking. */
export async function askIfResolved(
  deps: {
    reports: Pick<ReportStore, 'markResolutionAsked'>;
    identities: Pick<IdentityStore, 'get'>;
    outbound: OutboundLog;
    scheduler: JobScheduler;
    logger: Logger;
  },
  report: ReportView,
  now: Date,
): Promise<boolean> {
  if (!shouldAskResolution(report)) return false;
  const identity = await deps.identities.get(report.citizenRef);
  if (!identity) return false;
  // Marked before it is sent: an answer tapped at once finds the report waiting for it.
  await deps.reports.markResolutionAsked(report.id, now);
  const lang = report.language;
  await sendNotices(deps, [
    {
      channel: report.channel,
      chatId: identity.chatId,
      text: resolutionQuestionText(report.ticketCode, lang),
      choices: RESOLUTION_ANSWERS.map((a) => RESOLUTION_CHOICES[lang][a]),
      language: lang,
      purpose: 'status-update',
      reportId: report.id,
      outboundId: `${report.id}:resolution-check:${report.version}`,
    },
  ]);
  return true;
}

export type ResolutionOutcome = { result: ResolutionResult; report: ReportView; followUp?: ReportView };

/**
 * The citizen's answer. Idempotent: a retried turn (same message key) finds its answer recorded and
 * repeats only what is itself idempotent (the reopening is refused once done, the follow-up report is
 * keyed by the message). Null when the report no longer waits for an answer from this message.
 */
export async function answerResolution(
  deps: { reports: ReportStore; audit: Pick<AuditLog, 'record'> },
  report: ReportView,
  input: { answer: ResolutionAnswer; at: Date; messageId: string },
  settings: ResolutionSettings,
): Promise<ResolutionOutcome | null> {
  const retried = report.resolutionCheck?.messageId === input.messageId;
  const recorded = retried ? report : await deps.reports.recordResolutionAnswer(report.id, input);
  if (!recorded?.resolutionCheck) return null;
  const answer = recorded.resolutionCheck.answer ?? input.answer;
  if (!retried) await deps.audit.record({ actor: 'citizen', action: 'citizen.resolution', reportId: report.id, details: { answer } });

  let outcome: ResolutionOutcome = { result: 'recorded', report: recorded };
  if (answer !== 'solved') {
    const askedAt = recorded.resolutionCheck.askedAt.getTime();
    if (input.at.getTime() - askedAt > settings.reopenDays * DAY_MS) outcome = { result: 'late', report: recorded };
    else if (settings.notSolved === 'reopen') outcome = await reopen(deps, recorded, answer);
    else outcome = await followUp(deps, recorded, input.messageId);
  }
  await deps.reports.setResolutionResult(report.id, outcome.result, outcome.followUp?.ticketCode);
  return outcome;
}

async function reopen(deps: { reports: ReportStore }, report: ReportView, answer: ResolutionAnswer): Promise<ResolutionOutcome> {
  const moved = await deps.reports.applyTransition({ id: report.id, action: 'reopen', actor: 'citizen', details: { answer } });
  // Refused when a retry finds it already reopened (or an agent reopened it first): it is open either way.
  if (!moved.ok && moved.reason !== 'not_allowed') throw new Error(`report ${report.id} could not be reopened: ${moved.message}`);
  return { result: 'reopened', report: moved.ok ? moved.report : (moved.current ?? report) };
}

async function followUp(
  deps: { reports: ReportStore; audit: Pick<AuditLog, 'record'> },
  report: ReportView,
  messageId: string,
): Promise<ResolutionOutcome> {
  const { report: created, created: isNew } = await deps.reports.createOnce({
    categoryId: report.categoryId,
    reliability: report.reliability,
    point: report.location.point,
    ...(report.address ? { address: report.address } : {}),
    ...(report.zone ? { zone: report.zone } : {}),
    ...(report.location.zipcode ? { zipcode: report.location.zipcode } : {}),
    description: report.description,
    photoRefs: [],
    channel: report.channel,
    citizenRef: report.citizenRef,
    language: report.language,
    priority: report.priority,
    sourceMessageKey: `${messageId}:follow-up`,
    followUpOf: report.ticketCode,
  });
  if (isNew)
    await deps.audit.record({ actor: 'citizen', action: 'citizen.follow_up', reportId: created.id, details: { of: report.ticketCode } });
  return { result: 'follow_up', report, followUp: created };
}
