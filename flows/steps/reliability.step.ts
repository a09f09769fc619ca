/** How the citizen knows: seen directly, heard from others, not sure. */
import { reliabilityMenu } from '../choices';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { skipAnswered } from '../skip-answered';
import { takeEarlyPlace } from '../early-place';
import { takeEarlyPhoto } from '../early-photo';

export const reliabilityStep: ReportStep = {
  id: STEP.reliability,
  needsConsent: true,
  // A pin or a photo here is an answer given early (flows/early-place.ts, early-photo.ts).
  accepts: ['text', 'location', 'photo'],
  prompt: (ctx) => ({ text: textOf(ctx).reliability.prompt, choices: reliabilityMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).reliability.help,
  async handle(ctx) {
    const early = takeEarlyPhoto(ctx);
    if (early) return early;
    const reliability = ctx.text ? reliabilityMenu.match(ctx.text) : undefined;
    if (!reliability) return (await takeEarlyPlace(ctx)) ?? { ok: false, reason: textOf(ctx).reliability.notUnderstood };
    return { ok: true, next: skipAnswered(STEP.location, ctx.draft), draft: { ...ctx.draft, reliability } };
  },
};
