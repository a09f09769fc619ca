/** How the citizen knows: seen directly, heard from others, not sure. */
import { reliabilityMenu } from '../choices';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { skipAnswered } from '../skip-answered';
import { takeEarlyPlace } from '../early-place';
import { takeEarlyPhoto } from '../early-photo';
import { takeEarlyWhen } from '../early-when';
import { takeEarlyDetails } from '../early-details';
import { onlySaysHowKnown } from '../early-reliability';
import { contentTokens } from '../nlp';
import { categoryChangeOfMind } from '../change-of-mind';
import type { Reliability } from '../../src/domain/report';

/** This many content words or more, an answer that is not about how the citizen knows describes the problem. */
const DESCRIBING_WORDS = 6;

export const reliabilityStep: ReportStep = {
  id: STEP.reliability,
  needsConsent: true,
  // A pin or a photo here is an answer given early (flows/early-place.ts, early-photo.ts).
  accepts: ['text', 'location', 'photo'],
  prompt: (ctx) => ({ text: textOf(ctx).reliability.prompt, choices: reliabilityMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).reliability.help,
  async handle(ctx) {
    const early = takeEarlyPhoto(ctx) ?? categoryChangeOfMind(ctx);
    if (early) return early;
    // A long sentence about the problem ("my neighbours have parties every weekend until 4am") is the
    // description told early, even if a word of it sounds like an answer ("my neighbour").
    if (ctx.text && contentTokens(ctx.text).length >= DESCRIBING_WORDS && !onlySaysHowKnown(ctx.text)) {
      const details = takeEarlyDetails(ctx, DESCRIBING_WORDS);
      if (details) return details;
    }
    const reliability = ctx.text ? (reliabilityMenu.match(ctx.text) ?? oneOfTwo(reliabilityMenu.named(ctx.text))) : undefined;
    if (!reliability)
      return (
        takeEarlyWhen(ctx) ??
        (await takeEarlyPlace(ctx)) ??
        // "mi hanno rubato la bici ieri sera davanti al comune": the description, told early.
        takeEarlyDetails(ctx, 4) ?? { ok: false, reason: textOf(ctx).reliability.notUnderstood }
      );
    return { ok: true, next: skipAnswered(STEP.location, ctx.draft), draft: { ...ctx.draft, reliability } };
  },
};

/**
 * Two answers in one sentence: "non sono sicuro, me l'ha detto il vicino" is second-hand; "l'ho visto
 * io e anche mia moglie" first-hand; "credo di averlo visto ma non sono sicuro" unsure.
 */
function oneOfTwo(named: readonly Reliability[]): Reliability | undefined {
  if (named.length !== 2) return undefined;
  const has = (r: Reliability) => named.includes(r);
  if (has('heard') && has('unsure')) return 'heard';
  if (has('seen') && has('heard')) return 'seen';
  return 'unsure';
}
