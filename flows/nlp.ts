/** The language functions the report flow uses, from src/nlp (pure, no I/O). */
import { matchChoice, matchKeyword, type ChoiceOption } from '../src/nlp/answer-matcher';
import { createCategoryClassifier, type CategoryClassifier } from '../src/nlp/category-classifier';
import { categoryChoiceOptions } from '../src/nlp/category-options';
import { understandCategory, type CategoryUnderstanding } from '../src/nlp/category-understanding';
import { detectEmergency } from '../src/nlp/emergency';
import { urgencyTerms } from '../src/nlp/urgency';
import { contentTokens, normalizeText, stemmedContentTokens, tokenize } from '../src/nlp/text';
import type { EngineNlp } from '../src/dialog/flow.types';

export const engineNlp: EngineNlp = {
  isEmergency: (text) => detectEmergency(text).emergency,
  matchKeyword,
  matchChoice,
};

let classifier: CategoryClassifier | undefined;
/** Trained once per process (tens of milliseconds), on first use. */
export const categoryClassifier = (): CategoryClassifier => (classifier ??= createCategoryClassifier());

let categoryOptions: ChoiceOption[] | undefined;
export const categoryMenuOptions = (): ChoiceOption[] => (categoryOptions ??= categoryChoiceOptions());

/** Short answers ("2", "rifiuti", "spaccio") come back all day from every citizen: remembered (the reading is pure). */
const SHORT_TEXT = 40;
const MAX_REMEMBERED = 5_000;
const understood = new Map<string, CategoryUnderstanding>();

/** What a free-text answer at the category step means (see src/nlp/category-understanding.ts). */
export function categoryUnderstanding(text: string): CategoryUnderstanding {
  const known = text.length <= SHORT_TEXT ? understood.get(text) : undefined;
  // A copy: the caller may keep the ids in a draft.
  if (known) return 'categoryIds' in known ? ({ ...known, categoryIds: [...known.categoryIds] } as CategoryUnderstanding) : { ...known };
  const result = understandCategory(text, { classifier: categoryClassifier(), menuOptions: categoryMenuOptions() });
  if (text.length <= SHORT_TEXT) {
    if (understood.size >= MAX_REMEMBERED) understood.clear();
    understood.set(text, result);
  }
  return result;
}

export { contentTokens, matchChoice, normalizeText, stemmedContentTokens, tokenize, urgencyTerms, type ChoiceOption };
