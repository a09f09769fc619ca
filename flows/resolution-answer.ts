/**
 * The citizen's answer to "Il problema è stato risolto?" (asked after a close, see
 * src/app/citizens/resolution-check.ts): with no dialog in progress, «sì» / «no» / «è ancora lì»
 * (or the button's number) from a citizen whose closed report waits for it is recorded there;
 * "not solved" within the configured days reopens the report or opens a linked follow-up.
 */
import { answerResolution } from '../src/app/citizens/resolution-check';
import type { StepSuccess } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { RESOLUTION_ANSWERS } from '../src/domain/notifications';
import { RESOLUTION_CHOICES } from '../src/texts/citizen/notice-text';
import type { ReportView, ResolutionAnswer } from '../src/domain/ports';
import { careSettings } from './follow-up';
import { messageKey } from './message-key';
import { matchChoice, tokenize, type ChoiceOption } from './nlp';
import { deniesSomething } from './choices';
import { promptsFor } from '../src/texts/citizen';
import type { ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';

const DAY_MS = 24 * 60 * 60_000;
/** How long an unanswered question is still taken (an answer past RESOLUTION_REOPEN_DAYS is only noted). */
const ANSWER_WINDOW_DAYS = 30;

let answerOptions: ChoiceOption[] | undefined;
const options = (): ChoiceOption[] =>
  (answerOptions ??= RESOLUTION_ANSWERS.map((answer) => ({
    id: answer,
    labels: LANGUAGES.flatMap((lang) => [RESOLUTION_CHOICES[lang][answer], ...promptsFor(lang).care.resolution.words[answer]]),
  })));

async function reportAwaiting(ctx: ReportStepContext, key: string): Promise<ReportView | undefined> {
  const since = new Date(ctx.now.getTime() - Math.max(ANSWER_WINDOW_DAYS, careSettings(ctx).reopenDays) * DAY_MS);
  const waiting = await ctx.services.reports.findAwaitingResolution(ctx.citizenRef, since);
  if (waiting) return waiting;
  // A retried turn: the report this message already answered.
  const recent = await ctx.services.reports.listByCitizen(ctx.citizenRef, 10);
  return recent.find((r) => r.resolutionCheck?.messageId === key);
}

const MAX_ANSWER_WORDS = 12;

/** "non c'è più", "there's nothing there any more": the problem is gone. */
const GONE = /\b(?:non (?:c e|ce|ci sono|si vede) piu|nothing (?:there |left )?any ?more|not there any ?more|no longer there)\b/;

/** The answer to "Il problema è stato risolto?" in the citizen's words, if it is one. */
export function resolutionAnswerOf(text: string): ResolutionAnswer | undefined {
  const tokens = tokenize(text);
  // A long message is a new report or an addition, not the answer to a yes/no question.
  if (tokens.length > MAX_ANSWER_WORDS) return undefined;
  if (GONE.test(tokens.join(' '))) return 'solved';
  const matched = matchChoice(text, options());
  // "no, è ancora tutto lì": both "no" and "still there"; the more precise one.
  if (!matched.ok) return matched.reason === 'ambiguous' && matched.candidates?.includes('still_there') && !matched.candidates.includes('solved') ? 'still_there' : undefined;
  // "nn risolto", "non è stato risolto": "solved" denied is not solved.
  return matched.id === 'solved' && deniesSomething(text) ? 'not_solved' : (matched.id as ResolutionAnswer);
}

export async function answerResolutionCheck(ctx: ReportStepContext): Promise<StepSuccess<ReportDraft> | undefined> {
  if (ctx.message.payload.kind !== 'text' || !ctx.text) return undefined;
  const answer = resolutionAnswerOf(ctx.text);
  if (!answer) return undefined;
  const key = messageKey(ctx.message);
  const report = await reportAwaiting(ctx, key);
  if (!report) return undefined;
  const settings = careSettings(ctx);
  const outcome = await answerResolution(
    { reports: ctx.services.reports, audit: ctx.services.audit },
    report,
    { answer, at: ctx.now, messageId: key },
    { reopenDays: settings.reopenDays, notSolved: settings.notSolved },
  );
  if (!outcome) return undefined;
  const t = textOf(ctx).care.resolution;
  const ticket = report.ticketCode;
  switch (outcome.result) {
    case 'recorded':
      return { ok: true, next: STEP.idle, replies: [{ text: t.solved(ticket) }], reportId: report.id, reportUpdated: true };
    case 'late':
      return { ok: true, next: STEP.idle, replies: [{ text: t.late(ticket) }], reportId: report.id, reportUpdated: true };
    case 'reopened':
      return { ok: true, next: STEP.idle, replies: [{ text: t.reopened(ticket) }], reportId: report.id, reportUpdated: true };
    case 'follow_up':
      return {
        ok: true,
        next: STEP.idle,
        replies: [{ text: t.followUp({ ticket, newTicket: outcome.followUp!.ticketCode }) }],
        reportId: outcome.followUp!.id,
        reportCreated: true,
      };
  }
}
