/** The privacy notice: nothing beyond the message itself is kept until the citizen accepts it. */
import { consentMenu } from '../choices';
import { readOneMessage } from '../one-message';
import { readCategory } from './category.steps';
import { ASIDE_ENTRY, STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';

export function consentPrompt(ctx: ReportStepContext) {
  const t = textOf(ctx);
  return {
    text: t.consent.question({ controller: ctx.services.municipality.dataController }),
    choices: consentMenu.labels(ctx.lang),
  };
}

export const consentStep: ReportStep = {
  id: STEP.consent,
  accepts: ['text'],
  prompt: consentPrompt,
  help: (ctx) => textOf(ctx).consent.help,
  async handle(ctx) {
    const t = textOf(ctx);
    const answer = ctx.text ? consentMenu.match(ctx.text) : undefined;
    if (answer === 'accept') {
      const consent = { version: ctx.services.municipality.privacyNoticeVersion, at: ctx.now.toISOString() };
      const firstText = ctx.draft.firstText;
      if (firstText && !ctx.state.aside) {
        const mediaRef = ctx.draft.firstPhotoRef;
        const draft = { ...ctx.draft, firstText: undefined, firstPhotoRef: undefined, firstAt: undefined };
        const payload = mediaRef ? ({ kind: 'photo', mediaRef, caption: firstText } as const) : ({ kind: 'text', text: firstText } as const);
        const receivedAt = ctx.draft.firstAt ? new Date(ctx.draft.firstAt) : ctx.message.receivedAt;
        const report = await readOneMessage({ ...ctx, draft, text: firstText, message: { ...ctx.message, payload, receivedAt } }, readCategory);
        if (report?.ok) return { ...report, consent, replies: [{ text: t.consent.accepted }, ...(report.replies ?? [])] };
      }
      return {
        ok: true,
        // Asked on the way into the alerts menu: the menu comes next, not a report.
        next: (ctx.state.aside && ASIDE_ENTRY[ctx.state.aside.name]) || STEP.category,
        draft: { ...ctx.draft, firstText: undefined, firstPhotoRef: undefined, firstAt: undefined },
        consent,
        replies: [{ text: t.consent.accepted }],
      };
    }
    if (answer === 'refuse') {
      const draft = { ...ctx.draft, firstText: undefined, firstPhotoRef: undefined, firstAt: undefined };
      return { ok: true, next: STEP.declined, draft, replies: [{ text: t.consent.refused }] };
    }
    return { ok: false, reason: t.consent.notUnderstood };
  },
};
