/** The summary (send, correct, cancel) and the choice of the answer to correct. */
import { editMenu, summaryMenu } from '../choices';
import { emptyDraft } from '../report-draft';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { findNearbyReport } from '../nearby';
import { missingStep, submitReport } from '../submit';
import { renderSummary } from '../summary';

export const summaryStep: ReportStep = {
  id: STEP.summary,
  needsConsent: true,
  accepts: ['text'],
  prompt: (ctx) => renderSummary(ctx.draft, ctx.lang),
  help: (ctx) => textOf(ctx).summary.help,
  async handle(ctx) {
    const action = ctx.text ? summaryMenu.match(ctx.text) : undefined;
    if (action === 'send') {
      // Someone else's open report of this kind nearby: ask before sending a second one.
      const nearby = missingStep(ctx.draft) ? undefined : await findNearbyReport(ctx);
      if (nearby) return { ok: true, next: STEP.sameSituation, draft: { ...ctx.draft, nearby } };
      return submitReport(ctx);
    }
    if (action === 'edit') return { ok: true, next: STEP.edit };
    if (action === 'cancel') return { ok: true, next: STEP.idle, draft: emptyDraft(), replies: [{ text: textOf(ctx).cancelled }] };
    return { ok: false, reason: textOf(ctx).summary.notUnderstood };
  },
};

const FIELD_STEPS = {
  category: STEP.category,
  reliability: STEP.reliability,
  location: STEP.location,
  photo: STEP.photo,
  description: STEP.description,
} as const;

export const editStep: ReportStep = {
  id: STEP.edit,
  parent: STEP.summary,
  needsConsent: true,
  accepts: ['text'],
  prompt: (ctx) => ({ text: textOf(ctx).edit.prompt, choices: editMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).edit.help,
  async handle(ctx) {
    const field = ctx.text ? editMenu.match(ctx.text) : undefined;
    if (!field) return { ok: false, reason: textOf(ctx).edit.notUnderstood };
    return { ok: true, next: FIELD_STEPS[field], returnTo: STEP.summary };
  },
};
