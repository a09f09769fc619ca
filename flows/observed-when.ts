/**
 * The report's "when observed" from a message's words (src/nlp/time-words.ts): resolved at the
 * time the message was received, in the municipality's time zone, and kept in the draft as JSON.
 */
import { observedWhenToJson, type ObservedWhenJson } from '../src/domain/observed-when';
import { readTimeWords } from '../src/nlp/time-words';
import type { ReportDraft } from './report-draft';
import type { ReportStepContext } from './report-steps';

export function observedWhenIn(ctx: ReportStepContext, text: string): ObservedWhenJson | undefined {
  const received = ctx.message.receivedAt instanceof Date && !Number.isNaN(ctx.message.receivedAt.getTime()) ? ctx.message.receivedAt : ctx.now;
  const found = readTimeWords(text, received, ctx.services.municipality.serviceHours.timeZone);
  return found ? observedWhenToJson(found) : undefined;
}

/**
 * The draft with the time words of `text`, when it has some; otherwise unchanged (time words said
 * earlier, in the first message, are kept when the description answer has none).
 */
export function withObservedWhen(ctx: ReportStepContext, draft: ReportDraft, text: string): ReportDraft {
  const observedWhen = observedWhenIn(ctx, text);
  return observedWhen ? { ...draft, observedWhen } : draft;
}

/** A first message kept until the privacy notice is answered: when it was received (ISO), for its time words. */
export function firstMessageTime(ctx: ReportStepContext): { firstAt?: string } {
  const at = new Date(ctx.message.receivedAt);
  return Number.isNaN(at.getTime()) ? {} : { firstAt: at.toISOString() };
}
