/** The summary (send, correct, cancel) and the choice of the answer to correct. */
import { editMenu, skipMenu, summaryMenu } from '../choices';
import { emptyDraft } from '../report-draft';
import { STEP, textOf, type ReportStep } from '../report-steps';
import { findNearbyReport } from '../nearby';
import { missingStep, submitReport } from '../submit';
import { renderSummary } from '../summary';
import { tokenize } from '../nlp';
import { LANGUAGES } from '../../src/dialog/state';
import { promptsFor } from '../../src/texts/citizen';
import type { EditField } from '../../src/texts/citizen/types';

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
    // "la posizione è sbagliata", "wrong street": straight to that answer.
    const named = ctx.text && (action === 'edit' || !action) ? correctionNamedIn(ctx.text, action === 'edit') : undefined;
    // "no, non ce l'ho la foto" when the summary already says «Foto: nessuna»: nothing to correct.
    if (named === 'photo' && !ctx.draft.photoRefs.length && skipMenu.match(ctx.text!) === 'skip')
      return { ok: true, next: STEP.summary, replies: [{ text: textOf(ctx).photo.skipped }] };
    if (named) return { ok: true, next: FIELD_STEPS[named], returnTo: STEP.summary };
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

let inSentence: { cue: Set<string>; mentions: Map<string, EditField> } | undefined;

/**
 * The one answer a correction names ("la via è sbagliata", "I want to add a photo"), if exactly one.
 * Unless the message already reads as «Correggi», it must also say that something is to change.
 */
function correctionNamedIn(text: string, knownToBeCorrection: boolean): EditField | undefined {
  inSentence ??= {
    cue: new Set(LANGUAGES.flatMap((lang) => promptsFor(lang).edit.inSentence.cue.flatMap(tokenize))),
    mentions: new Map(
      LANGUAGES.flatMap((lang) =>
        Object.entries(promptsFor(lang).edit.inSentence.mentions).flatMap(([field, words]) => words.map((word) => [tokenize(word).join(' '), field as EditField] as const)),
      ),
    ),
  };
  const tokens = tokenize(text);
  if (tokens.length > 20 || !(knownToBeCorrection || tokens.some((token) => inSentence!.cue.has(token)))) return undefined;
  const named = new Set(tokens.map((token) => inSentence!.mentions.get(token)).filter((field) => field !== undefined));
  return named.size === 1 ? [...named][0] : undefined;
}

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
