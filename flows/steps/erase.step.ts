/** «cancella i miei dati» confirmed or not (a side dialog opened by flows/data-rights.ts). */
import { menu } from '../choices';
import { eraseNow } from '../data-rights';
import { STEP, textOf, type ReportStep } from '../report-steps';

export const eraseMenu = menu('erase-confirm', ['yes', 'no'] as const, (p) => p.rights.erase.choices, ['yes']);

export const eraseConfirmStep: ReportStep = {
  id: STEP.eraseConfirm,
  accepts: ['text'],
  prompt: (ctx) => ({ text: textOf(ctx).rights.erase.prompt, choices: eraseMenu.labels(ctx.lang) }),
  help: (ctx) => textOf(ctx).rights.erase.help,
  async handle(ctx) {
    const t = textOf(ctx).rights.erase;
    const answer = ctx.text ? eraseMenu.match(ctx.text) : undefined;
    if (answer === 'no') return { ok: true, next: STEP.idle, replies: [{ text: t.kept }] };
    if (answer !== 'yes') return { ok: false, reason: t.notUnderstood };
    const counts = await eraseNow(ctx);
    const text = t.done({ reports: counts.reportsPseudonymised, alerts: counts.subscriptions, messages: counts.messages });
    // The conversation is forgotten with the rest: a next message is a first contact.
    return { ok: true, next: STEP.welcome, reset: 'initial', replies: [{ text }] };
  },
};
