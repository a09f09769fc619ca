/**
 * The category catalog as menu options for matchChoice: every label (both languages) and every
 * synonym selects its category.
 */
import { CATEGORIES, type Category } from '../../config/categories';
import { CATEGORY_EXAMPLES, type CategoryExamples } from '../../config/category-examples';
import type { ChoiceOption } from './answer-matcher';
import { contentTokens } from './text';

/**
 * The words of the example sentences are spelled right: they are no typo of a synonym ("people
 * shooting up" is not "shouting").
 */
export function categoryChoiceOptions(categories: readonly Category[] = CATEGORIES, examples: CategoryExamples = CATEGORY_EXAMPLES): ChoiceOption[] {
  return categories.map((category) => ({
    id: category.id,
    labels: [category.labels.it, category.labels.en, ...category.synonyms.it, ...category.synonyms.en],
    knownWords: [...new Set([...(examples[category.id]?.it ?? []), ...(examples[category.id]?.en ?? [])].flatMap(contentTokens))],
  }));
}
