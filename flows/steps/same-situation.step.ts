/** "Is it the same situation?" before sending, when an open report of the same kind is nearby. */
import { yesNoMenu } from '../choices';
import { confirmNearbyReport } from '../confirm';
import { nearbyQuestion } from '../nearby';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { submitReport } from '../submit';

export const sameSituationStep: ReportStep = {
  id: STEP.sameSituation,
  // "indietro" goes back to the summary, where the report can still be corrected or cancelled.
  parent: STEP.summary,
  needsConsent: true,
  accepts: ['text'],
  prompt: nearbyQuestion,
  help: (ctx) => textOf(ctx).nearby.help,
  async handle(ctx) {
    // A state without the report to compare (restored from an odd state): back to the summary.
    if (!ctx.draft.nearby) return { ok: true, next: STEP.summary };
    const answer = ctx.text ? yesNoMenu.match(ctx.text) : undefined;
    if (answer === 'yes') return confirmNearbyReport(ctx);
    if (answer === 'no') return submitReport(ctx);
    return { ok: false, reason: textOf(ctx).nearby.notUnderstood };
  },
};
