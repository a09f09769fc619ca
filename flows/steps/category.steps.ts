/**
 * What is the report about: a numbered menu of the catalog, understood by number, label, synonym
 * or typo; free text naming no category gets a suggestion ("Intendi: Spaccio di droga?").
 */
import { CATEGORIES, categoryById, labelWithEmoji } from '../../config/categories';
import type { StepOutcome } from '../../src/dialog/flow.types';
import type { Language } from '../../src/dialog/state';
import { yesNoMenu } from '../choices';
import { categoryUnderstanding, contentTokens, matchChoice, tokenize } from '../nlp';
import { checkDescription } from '../validators';
import { withObservedWhen } from '../observed-when';
import { readOneMessage, saysMoreThanCategory } from '../one-message';
import { takeEarlyPlace } from '../early-place';
import { takeEarlyPhoto } from '../early-photo';
import { takeEarlyReliability } from '../early-reliability';
import { skipAnswered } from '../skip-answered';
import { categoryChoiceOptions } from '../../src/nlp/category-options';
import { LANGUAGES } from '../../src/dialog/state';
import { promptsFor } from '../../src/texts/citizen';
import type { ReportDraft } from '../report-draft';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';

export const categoryLabel = (id: string | undefined, lang: Language): string => (id && categoryById(id)?.labels[lang]) || '?';

function chosen(ctx: ReportStepContext, categoryId: string): StepOutcome<ReportDraft> {
  const category = categoryById(categoryId);
  const label = category ? labelWithEmoji(category, ctx.lang) : '?';
  return {
    ok: true,
    // How the citizen knows may have been told already (flows/early-reliability.ts).
    next: ctx.draft.reliability ? skipAnswered(STEP.location, ctx.draft) : STEP.reliability,
    draft: { ...ctx.draft, categoryId, suggestedCategoryId: undefined, eitherCategoryIds: undefined },
    replies: [{ text: textOf(ctx).category.chosen(label) }],
  };
}

function suggest(ctx: ReportStepContext, categoryId: string): StepOutcome<ReportDraft> {
  return { ok: true, next: STEP.categoryConfirm, draft: { ...ctx.draft, suggestedCategoryId: categoryId } };
}

/** Reads a category answer; shared by the category step, its confirmation and a first message. */
export async function readCategory(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const t = textOf(ctx);
  const text = ctx.text ?? '';
  const understood = categoryUnderstanding(text);
  if (understood.kind === 'chosen') return chosen(ctx, understood.categoryId);
  if (understood.kind === 'suggested') return suggest(ctx, understood.categoryId);
  if (understood.kind === 'either') {
    return { ok: true, next: STEP.categoryEither, draft: { ...ctx.draft, eitherCategoryIds: understood.categoryIds } };
  }
  if (understood.kind === 'candidates') {
    return { ok: false, reason: t.category.ambiguous(understood.categoryIds.map((id) => categoryLabel(id, ctx.lang))) };
  }
  return { ok: false, reason: t.category.notUnderstood };
}

export const categoryStep: ReportStep = {
  id: STEP.category,
  needsConsent: true,
  // A pin or a photo here is an answer given early (flows/early-place.ts, early-photo.ts).
  accepts: ['text', 'location', 'photo'],
  prompt: (ctx) => ({ text: textOf(ctx).category.prompt, choices: CATEGORIES.map((c) => c.labels[ctx.lang]) }),
  help: (ctx) => textOf(ctx).category.help,
  async handle(ctx) {
    const early = takeEarlyPhoto(ctx) ?? (ctx.message.payload.kind === 'location' ? await takeEarlyPlace(ctx) : undefined);
    if (early) return early;
    // Right after the privacy notice the answer may be a whole report ("rifiuti in via … da tre giorni").
    if (ctx.text && !ctx.draft.categoryId && saysMoreThanCategory(ctx, ctx.text)) {
      const whole = await readOneMessage(ctx, readCategory);
      if (whole?.ok && whole.next !== STEP.category) return whole;
    }
    return keptAsDescription(ctx, await readCategory(ctx));
  },
};

/** An answer this long describes the problem: it is the description too, not asked again later. */
const DESCRIBING_WORDS = 5;

/**
 * "ci sono ragazzini che lanciano sassi contro le finestre della scuola": the category read from it,
 * and the sentence kept as the description (shown in the summary, where «Correggi» changes it).
 */
function keptAsDescription(ctx: ReportStepContext, outcome: StepOutcome<ReportDraft>): StepOutcome<ReportDraft> {
  if (!outcome.ok || !ctx.text || ctx.draft.description || contentTokens(ctx.text).length < DESCRIBING_WORDS) return outcome;
  const checked = checkDescription(ctx.text);
  if (!checked.ok) return outcome;
  const draft = outcome.draft ?? ctx.draft;
  return { ...outcome, draft: withObservedWhen(ctx, { ...draft, description: checked.value }, checked.value) };
}

export const categoryConfirmStep: ReportStep = {
  id: STEP.categoryConfirm,
  parent: STEP.category,
  needsConsent: true,
  // A pin or a photo here is an answer given early (flows/early-place.ts, early-photo.ts).
  accepts: ['text', 'location', 'photo'],
  prompt: (ctx) => ({
    text: textOf(ctx).category.suggest(categoryLabel(ctx.draft.suggestedCategoryId, ctx.lang)),
    choices: yesNoMenu.labels(ctx.lang),
  }),
  help: (ctx) => textOf(ctx).category.help,
  async handle(ctx) {
    const early = takeEarlyPhoto(ctx) ?? (ctx.message.payload.kind === 'location' ? await takeEarlyPlace(ctx) : undefined);
    if (early) return early;
    const answer = ctx.text ? yesNoMenu.match(ctx.text) : undefined;
    const suggested = ctx.draft.suggestedCategoryId;
    if (answer === 'yes' && suggested && categoryById(suggested)) return chosen(ctx, suggested);
    if (answer === 'no' || !suggested) {
      const named = answer === 'no' ? await readBeyondRejection(ctx, suggested ? [suggested] : []) : undefined;
      if (named) return named;
      return {
        ok: true,
        next: STEP.category,
        draft: { ...ctx.draft, suggestedCategoryId: undefined },
        replies: [{ text: textOf(ctx).category.suggestionRejected }],
      };
    }
    // Neither yes nor no: how the citizen knows, told early, or perhaps the category itself ("no,
    // rifiuti" is "no"; "rifiuti" is this).
    const knownEarly = takeEarlyReliability(ctx);
    if (knownEarly) return knownEarly;
    const outcome = await readCategory(ctx);
    return outcome.ok ? outcome : { ok: false, reason: textOf(ctx).notUnderstood };
  },
};

/**
 * "nessuna delle due, sono stati dei vandali", "no, è vandalismo": a rejection that names another
 * category goes on with that one; one that names only what was rejected ("no, non è spaccio") or
 * nothing, undefined (the menu follows).
 */
async function readBeyondRejection(ctx: ReportStepContext, rejected: readonly string[]): Promise<StepOutcome<ReportDraft> | undefined> {
  if (!ctx.text || tokenize(ctx.text).length < 3) return undefined;
  const outcome = await readCategory(ctx);
  if (!outcome.ok) return undefined;
  const named = [outcome.draft?.categoryId, outcome.draft?.suggestedCategoryId, ...(outcome.draft?.eitherCategoryIds ?? [])].filter(
    (id): id is string => Boolean(id),
  );
  return named.length > 0 && !named.some((id) => rejected.includes(id)) ? outcome : undefined;
}

/** "Intendi «Vandalismo» oppure «Spaccio di droga»?": two buttons and "neither". */
export const categoryEitherStep: ReportStep = {
  id: STEP.categoryEither,
  parent: STEP.category,
  needsConsent: true,
  accepts: ['text', 'location', 'photo'],
  prompt: (ctx) => {
    const [first, second] = (ctx.draft.eitherCategoryIds ?? []).map((id) => categoryLabel(id, ctx.lang));
    return { text: textOf(ctx).category.either(first ?? '?', second ?? '?'), choices: [first ?? '?', second ?? '?', textOf(ctx).category.neither] };
  },
  help: (ctx) => textOf(ctx).category.help,
  async handle(ctx) {
    const early = takeEarlyPhoto(ctx) ?? (ctx.message.payload.kind === 'location' ? await takeEarlyPlace(ctx) : undefined);
    if (early) return early;
    const pair = ctx.draft.eitherCategoryIds ?? [];
    const text = ctx.text ?? '';
    // As shown: 1 and 2 the two categories (label or synonym), 3 "neither" (or "no").
    const options = [
      ...categoryChoiceOptions(pair.map((id) => categoryById(id)).filter((c) => c !== undefined)),
      { id: 'neither', labels: LANGUAGES.map((lang) => promptsFor(lang).category.neither) },
    ];
    const picked = pair.length === 2 ? matchChoice(text, options) : undefined;
    if (picked?.ok && picked.id !== 'neither') return chosen(ctx, picked.id);
    if (!picked || picked.ok || yesNoMenu.match(text) === 'no') {
      const named = pair.length === 2 ? await readBeyondRejection(ctx, pair) : undefined;
      if (named) return named;
      return {
        ok: true,
        next: STEP.category,
        draft: { ...ctx.draft, eitherCategoryIds: undefined },
        replies: [{ text: textOf(ctx).category.suggestionRejected }],
      };
    }
    // Neither of the two named: how the citizen knows, told early, or another category in their words.
    const knownEarly = takeEarlyReliability(ctx);
    if (knownEarly) return knownEarly;
    const outcome = await readCategory(ctx);
    return outcome.ok ? outcome : { ok: false, reason: textOf(ctx).notUnderstood };
  },
};
