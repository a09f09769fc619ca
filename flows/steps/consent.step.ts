/** The privacy notice: nothing beyond the message itself is kept until the citizen accepts it. */
import { consentMenu } from '../choices';
import { readOneMessage, saysMoreThanCategory } from '../one-message';
import { readCategory } from './category.steps';
import { firstMessageTime } from '../observed-when';
import { namesCategory } from './rest.steps';
import { ASIDE_ENTRY, STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';

export function consentPrompt(ctx: ReportStepContext) {
  const t = textOf(ctx);
  return {
    text: t.consent.question({ controller: ctx.services.municipality.dataController }),
    choices: consentMenu.labels(ctx.lang),
  };
}

/** What is kept of reports sent before the notice is answered (a description is at most 500). */
const MAX_KEPT_CHARS = 1000;

/**
 * A report sent while the notice waits for an answer ("ciao", then at once "ci sono rifiuti dietro
 * la scuola", as people write on WhatsApp), or a photo: kept, and read once the notice is accepted.
 */
function keepForLater(ctx: ReportStepContext) {
  const { payload } = ctx.message;
  const photo = payload.kind === 'photo' && payload.mediaRef ? payload.mediaRef : undefined;
  const text = ctx.text?.trim();
  // After a kept report, its place or time sent on its own ("in via Carlo Piaggia") belongs to it.
  const partOfReport = text && (namesCategory(text) || (ctx.draft.firstText && saysMoreThanCategory(ctx, text)));
  if (!photo && !partOfReport) return undefined;
  const firstText = [ctx.draft.firstText, text].filter(Boolean).join('\n').slice(0, MAX_KEPT_CHARS) || undefined;
  return {
    ok: true as const,
    next: STEP.consent,
    draft: {
      ...ctx.draft,
      firstText,
      ...(photo ? { firstPhotoRef: ctx.draft.firstPhotoRef ?? photo } : {}),
      ...(ctx.draft.firstAt ? {} : firstMessageTime(ctx)),
    },
    replies: [{ text: textOf(ctx).consent.keptForLater }],
  };
}

export const consentStep: ReportStep = {
  id: STEP.consent,
  accepts: ['text', 'photo'],
  prompt: consentPrompt,
  help: (ctx) => textOf(ctx).consent.help,
  async handle(ctx) {
    const t = textOf(ctx);
    const answer = ctx.text ? consentMenu.match(ctx.text) : undefined;
    if (answer === 'accept') {
      const consent = { version: ctx.services.municipality.privacyNoticeVersion, at: ctx.now.toISOString() };
      const firstText = ctx.draft.firstText;
      const mediaRef = ctx.draft.firstPhotoRef;
      if ((firstText || mediaRef) && !ctx.state.aside) {
        const draft = { ...ctx.draft, firstText: undefined, firstPhotoRef: undefined, firstAt: undefined };
        const payload = mediaRef ? ({ kind: 'photo', mediaRef, ...(firstText ? { caption: firstText } : {}) } as const) : ({ kind: 'text', text: firstText! } as const);
        // Its time words («stanotte») are read relative to when it was sent, not to the consent.
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
    return keepForLater(ctx) ?? { ok: false, reason: t.consent.notUnderstood };
  },
};
