/**
 * The resting steps, where no report is in progress: first contact (welcome and privacy notice),
 * after the notice was refused, and after a finished or cancelled report.
 */
import { answerAgentQuestion } from '../agent-answer';
import { offerFollowUp } from '../follow-up';
import { answerResolutionCheck } from '../resolution-answer';
import { closedUntil, hoursText } from '../hours';
import { categoryUnderstanding, tokenize } from '../nlp';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';
import { firstMessageTime } from '../observed-when';
import { readOneMessage } from '../one-message';
import { readCategory } from './category.steps';
import { renderStatus } from '../status';
import { promptsFor } from '../../src/texts/citizen';
import { LANGUAGES } from '../../src/dialog/state';

const ALL_KINDS = ['text', 'location', 'photo', 'other'] as const;

export function welcomeMessage(ctx: ReportStepContext) {
  const { municipality } = ctx.services;
  return textOf(ctx).welcome({
    town: municipality.name,
    hours: hoursText(municipality, ctx.lang),
    closedUntil: closedUntil(municipality, ctx.now, ctx.lang),
  });
}

/** A first message that is a report (text, or a photo with such a caption), kept for after the notice. */
function firstReport(ctx: ReportStepContext): { draft?: ReportStepContext['draft'] } {
  const { payload } = ctx.message;
  if (!ctx.text || !(payload.kind === 'text' || (payload.kind === 'photo' && payload.mediaRef)) || !namesCategory(ctx.text)) return {};
  const photo = payload.kind === 'photo' && payload.mediaRef ? { firstPhotoRef: payload.mediaRef } : {};
  // When it was sent: its time words ("stanotte") are read relative to it, not to the consent.
  return { draft: { ...ctx.draft, firstText: ctx.text, ...firstMessageTime(ctx), ...photo } };
}

/** First contact: whatever the message says, the welcome comes first, then the privacy question. */
export const welcomeStep: ReportStep = {
  id: STEP.welcome,
  resting: true,
  accepts: ALL_KINDS,
  handle: async (ctx) => ({
    ok: true,
    next: STEP.consent,
    // A report written in the first message is read after the notice is accepted (flows/one-message.ts).
    ...firstReport(ctx),
    replies: [{ text: welcomeMessage(ctx) }],
    separate: true,
  }),
};

/**
 * After "Non accetto" (perhaps to a newer notice, by a citizen with earlier reports): an answer to
 * an agent's question is still taken; anything else starts over from the welcome.
 */
export const declinedStep: ReportStep = {
  ...welcomeStep,
  id: STEP.declined,
  async handle(ctx) {
    return (await answerAgentQuestion(ctx)) ?? welcomeStep.handle(ctx);
  },
};

/** Does this first message already say what the report is about? */
export function namesCategory(text: string | undefined): boolean {
  if (!text || isOnlyGreeting(text)) return false;
  return categoryUnderstanding(text).kind !== 'unknown';
}

let greetingWords: Set<string> | undefined;
/**
 * "Buongiorno", "ciao!", "good morning": most first messages. They name no category, so the
 * category classifier (the costliest call of a turn) is not asked about them.
 */
function isOnlyGreeting(text: string): boolean {
  greetingWords ??= new Set(LANGUAGES.flatMap((lang) => promptsFor(lang).greetings.flatMap(tokenize)));
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.length <= 4 && tokens.every((token) => greetingWords!.has(token));
}

/** No report in progress: answer an agent's question, take thanks, or start a new report. */
export const idleStep: ReportStep = {
  id: STEP.idle,
  resting: true,
  accepts: ALL_KINDS,
  async handle(ctx) {
    const answered = (await answerAgentQuestion(ctx)) ?? (await answerResolutionCheck(ctx));
    if (answered) return answered;
    const t = textOf(ctx);
    if (ctx.message.payload.kind === 'text' && ctx.text && isOnlyThanks(ctx.text)) {
      return { ok: true, next: STEP.idle, replies: [{ text: t.thanks.reply }] };
    }
    // A ticket code alone ("VIC-2026-000012?"): where that report is.
    if (ctx.message.payload.kind === 'text' && ctx.text && ONLY_TICKET.test(ctx.text)) {
      return { ok: true, next: STEP.idle, replies: await renderStatus(ctx) };
    }
    // «aggiungi», or a photo or text while a report is open: "add it to VIC-…?" (flows/follow-up.ts).
    const followUp = await offerFollowUp(ctx);
    if (followUp) return followUp;
    // A whole report in one message (category, place, time; a photo with a caption; a pin).
    if (ctx.message.payload.kind !== 'text' || namesCategory(ctx.text)) {
      const outcome = await readOneMessage(ctx, readCategory);
      if (outcome?.ok) return { ...outcome, replies: [{ text: t.newReport }, ...(outcome.replies ?? [])], separate: false };
      if (outcome && !outcome.ok) return { ok: true, next: STEP.category, replies: [{ text: t.newReport }, { text: outcome.reason }] };
    }
    return { ok: true, next: STEP.category, replies: [{ text: t.newReport }] };
  },
};

const ONLY_TICKET = /^\W*(?:codice\W+|code\W+|ticket\W+)?VIC\W?\d{4}\W?\d{1,7}\W*$/iu;

let courtesyWords: Set<string> | undefined;
/**
 * "grazie", "ok grazie mille, buona giornata", "thanks a lot, bye 👍": nothing but thanks, greetings
 * and courtesy (a longer message, or one with any other word, is a new report).
 */
export function isOnlyThanks(text: string): boolean {
  courtesyWords ??= new Set(
    LANGUAGES.flatMap((lang) => {
      const t = promptsFor(lang);
      return [...t.thanks.words, ...t.thanks.courtesy, ...t.greetings].flatMap(tokenize);
    }),
  );
  if (LANGUAGES.some((lang) => promptsFor(lang).thanks.words.includes(text.trim()))) return true;
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.length <= 8 && tokens.every((token) => courtesyWords!.has(token)) && !isOnlyGreeting(text);
}
