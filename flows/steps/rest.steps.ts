/**
 * The resting steps, where no report is in progress: first contact (welcome and privacy notice),
 * after the notice was refused, and after a finished or cancelled report.
 */
import { answerAgentQuestion } from '../agent-answer';
import { offerFollowUp } from '../follow-up';
import { answerResolutionCheck } from '../resolution-answer';
import { closedUntil, hoursText } from '../hours';
import { categoryClassifier, categoryMenuOptions, matchChoice, tokenize } from '../nlp';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';
import { categoryStep } from './category.steps';

const ALL_KINDS = ['text', 'location', 'photo', 'other'] as const;

export function welcomeMessage(ctx: ReportStepContext) {
  const { municipality } = ctx.services;
  return textOf(ctx).welcome({
    town: municipality.name,
    hours: hoursText(municipality, ctx.lang),
    closedUntil: closedUntil(municipality, ctx.now, ctx.lang),
  });
}

/** First contact: whatever the message says, the welcome comes first, then the privacy question. */
export const welcomeStep: ReportStep = {
  id: STEP.welcome,
  resting: true,
  accepts: ALL_KINDS,
  handle: async (ctx) => ({ ok: true, next: STEP.consent, replies: [{ text: welcomeMessage(ctx) }], separate: true }),
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
function namesCategory(text: string | undefined): boolean {
  if (!text) return false;
  return matchChoice(text, categoryMenuOptions()).ok || categoryClassifier().suggest(text) !== undefined;
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
    if (ctx.message.payload.kind === 'text' && ctx.text && isOnlyThanks(ctx.text, t.thanks.words)) {
      return { ok: true, next: STEP.idle, replies: [{ text: t.thanks.reply }] };
    }
    // «aggiungi», or a photo or text while a report is open: "add it to VIC-…?" (flows/follow-up.ts).
    const followUp = await offerFollowUp(ctx);
    if (followUp) return followUp;
    if (ctx.message.payload.kind === 'text' && namesCategory(ctx.text)) {
      const outcome = await categoryStep.handle(ctx);
      if (outcome.ok) return { ...outcome, replies: [{ text: t.newReport }, ...(outcome.replies ?? [])] };
    }
    return { ok: true, next: STEP.category, replies: [{ text: t.newReport }] };
  },
};

/** "grazie", "ok grazie mille", "👍": nothing but thanks (a longer message is a new report). */
function isOnlyThanks(text: string, words: string[]): boolean {
  if (words.includes(text.trim())) return true;
  const vocabulary = new Set(words.flatMap(tokenize));
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.length <= 4 && tokens.every((token) => vocabulary.has(token));
}
