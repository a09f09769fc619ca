/**
 * "scusa ho sbagliato, volevo dire vandalismo" at the questions after the category: the category
 * given just before is changed and the same question asked again.
 */
import { categoryById, labelWithEmoji } from '../config/categories';
import type { StepOutcome } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { promptsFor } from '../src/texts/citizen';
import { categoryUnderstanding, tokenize } from './nlp';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';

let cues: string[][] | undefined;

/** Does the text take an answer back ("ho sbagliato", "volevo dire", "I meant")? */
function takesBack(text: string): boolean {
  cues ??= LANGUAGES.flatMap((lang) => promptsFor(lang).category.changeOfMind.map(tokenize));
  const tokens = tokenize(text);
  return cues.some((cue) => tokens.some((_, i) => cue.every((word, j) => tokens[i + j] === word)));
}

/**
 * Only with words that take an answer back and another category named for sure; anything else is
 * left to the question's own reading.
 */
export function categoryChangeOfMind(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  if (!ctx.text || !ctx.draft.categoryId || !takesBack(ctx.text)) return undefined;
  const understood = categoryUnderstanding(ctx.text);
  if (understood.kind !== 'chosen' || understood.categoryId === ctx.draft.categoryId) return undefined;
  const category = categoryById(understood.categoryId);
  if (!category) return undefined;
  return {
    ok: true,
    next: ctx.state.step,
    draft: { ...ctx.draft, categoryId: category.id, suggestedCategoryId: undefined, eitherCategoryIds: undefined },
    replies: [{ text: textOf(ctx).category.chosen(labelWithEmoji(category, ctx.lang)) }],
  };
}
