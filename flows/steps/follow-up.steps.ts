/**
 * Adding to an open report (see flows/follow-up.ts): "Aggiungere a VIC-…?" or which report, then
 * more photos and words until «fatto». The second step rests (no idle rules): after a quarter of
 * an hour without additions, a message is treated as at the resting step again.
 */
import { idleStep, isOnlyThanks } from './rest.steps';
import { photoProblem } from './photo.step';
import { addAndReply, careSettings, FOLLOW_UP_WINDOW_MS, infoOf, whatOf } from '../follow-up';
import { engineNlp, matchChoice, type ChoiceOption } from '../nlp';
import { promptsFor } from '../../src/texts/citizen';
import { LANGUAGES } from '../../src/dialog/state';
import { emptyDraft } from '../report-draft';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';

const NEW = 'new';

function options(ctx: ReportStepContext): { labels: string[]; options: ChoiceOption[] } {
  const t = textOf(ctx).care.followUp;
  const choices = ctx.draft.followUp?.choices ?? [];
  const labels = choices.map((c) => t.addTo(c.ticket));
  const options: ChoiceOption[] = choices.map((c, i) => ({
    id: c.id,
    // The ticket code, its number alone, and "sì" when there is only one to choose.
    labels: [labels[i], c.ticket, String(Number(c.ticket.split('-').pop())), ...(choices.length === 1 ? t.yesWords : [])],
  }));
  options.push({ id: NEW, labels: [t.newReport, ...t.newWords] });
  return { labels: [...labels, t.newReport], options };
}

export const followUpPickStep: ReportStep = {
  id: STEP.followUpPick,
  needsConsent: true,
  accepts: ['text'],
  prompt(ctx) {
    const t = textOf(ctx).care.followUp;
    const choices = ctx.draft.followUp?.choices ?? [];
    const what = whatOf(ctx.draft.followUp?.pending);
    const text =
      choices.length === 1
        ? t.askOne({ ticket: choices[0].ticket, what })
        : t.askWhich({ what });
    return { text, choices: options(ctx).labels };
  },
  help: (ctx) => textOf(ctx).care.followUp.help,
  async handle(ctx) {
    const t = textOf(ctx).care.followUp;
    const followUp = ctx.draft.followUp;
    if (!followUp?.choices?.length) return { ok: true, next: STEP.idle, draft: emptyDraft() };
    const picked = ctx.text ? matchChoice(ctx.text, options(ctx).options) : undefined;
    // "grazie" instead of an answer: nothing is added, and nothing more is asked.
    if (!picked?.ok && ctx.text && isOnlyThanks(ctx.text)) return { ok: true, next: STEP.idle, draft: emptyDraft(), replies: [{ text: textOf(ctx).thanks.reply }] };
    if (!picked?.ok) return { ok: false, reason: t.notUnderstood };
    const pending = followUp.pending;
    if (picked.id === NEW) {
      // Something else: the message that prompted the question starts a new report, as it would have.
      if (!pending?.text) return { ok: true, next: STEP.category, draft: emptyDraft(), replies: [{ text: textOf(ctx).newReport }] };
      const outcome = await idleStep.handle({ ...ctx, text: pending.text, message: { ...ctx.message, payload: { kind: 'text', text: pending.text } } });
      return outcome.ok ? { ...outcome, draft: outcome.draft ?? emptyDraft() } : outcome;
    }
    const target = followUp.choices.find((c) => c.id === picked.id)!;
    if (pending) {
      return addAndReply(ctx, target, {
        messageId: pending.messageId,
        at: new Date(pending.at),
        ...(pending.text ? { text: pending.text } : {}),
        ...(pending.mediaRef ? { mediaRef: pending.mediaRef } : {}),
      });
    }
    const report = await ctx.services.reports.get(target.id);
    const { maxPhotos } = careSettings(ctx);
    return {
      ok: true,
      next: STEP.followUpMore,
      draft: { ...emptyDraft(), followUp: { reportId: target.id, ticket: target.ticket, lastAt: ctx.now.toISOString() } },
      replies: [{ text: t.sendNow({ ticket: target.ticket, photosLeft: Math.max(0, maxPhotos - (report?.photoRefs.length ?? 0)) }) }],
    };
  },
};

export const followUpMoreStep: ReportStep = {
  id: STEP.followUpMore,
  resting: true,
  accepts: ['text', 'photo', 'location', 'other'],
  async handle(ctx) {
    const t = textOf(ctx).care.followUp;
    const followUp = ctx.draft.followUp;
    const last = followUp?.lastAt ? Date.parse(followUp.lastAt) : NaN;
    const stale = !followUp?.reportId || !followUp.ticket || !(ctx.now.getTime() - last <= FOLLOW_UP_WINDOW_MS);
    const asAtRest = async () => {
      const outcome = await idleStep.handle(ctx);
      return outcome.ok ? { ...outcome, draft: outcome.draft ?? emptyDraft() } : outcome;
    };
    if (stale) return asAtRest();
    const target = { id: followUp.reportId!, ticket: followUp.ticket! };
    const { payload } = ctx.message;
    // "grazie", "ok perfetto" end the additions like «Fatto»: they are no information for the police.
    if (payload.kind === 'text' && ctx.text && (isDone(ctx) || isOnlyThanks(ctx.text))) {
      return { ok: true, next: STEP.idle, draft: emptyDraft(), replies: [{ text: t.finished(target.ticket) }] };
    }
    if (payload.kind === 'photo' && !payload.mediaRef)
      return { ok: true, next: STEP.followUpMore, replies: [{ text: photoProblem(textOf(ctx), payload) }] };
    const info = infoOf(ctx);
    if (!info) return asAtRest();
    return addAndReply(ctx, target, info);
  },
};

let doneWords: Record<string, string[]> | undefined;
/** «fatto» / "done" in any language. */
function isDone(ctx: ReportStepContext): boolean {
  doneWords ??= { done: LANGUAGES.flatMap((lang) => [promptsFor(lang).care.followUp.done.label, ...promptsFor(lang).care.followUp.done.words]) };
  return engineNlp.matchKeyword(ctx.text!, doneWords) === 'done';
}
