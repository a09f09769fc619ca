/** The language functions the report flow uses, from src/nlp (pure, no I/O). */
import { matchChoice, matchKeyword, type ChoiceOption } from '../src/nlp/answer-matcher';
import { createCategoryClassifier, type CategoryClassifier } from '../src/nlp/category-classifier';
import { categoryChoiceOptions } from '../src/nlp/category-options';
import { understandCategory, type CategoryUnderstanding } from '../src/nlp/category-understanding';
import { detectEmergency } from '../src/nlp/emergency';
import { urgencyTerms } from '../src/nlp/urgency';
import { normalizeText, tokenize } from '../src/nlp/text';
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

/** What a free-text answer at the category step means (see src/nlp/category-understanding.ts). */
export const categoryUnderstanding = (text: string): CategoryUnderstanding =>
  understandCategory(text, { classifier: categoryClassifier(), menuOptions: categoryMenuOptions() });

export { matchChoice, normalizeText, tokenize, urgencyTerms, type ChoiceOption };
