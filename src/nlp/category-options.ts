/**
 * The category catalog as menu options for matchChoice: every label (both languages) and every
 * synonym selects its category.
 */
import { CATEGORIES, type Category } from '../../config/categories';
import type { ChoiceOption } from './answer-matcher';

export function categoryChoiceOptions(categories: readonly Category[] = CATEGORIES): ChoiceOption[] {
  return categories.map((category) => ({
    id: category.id,
    labels: [category.labels.it, category.labels.en, ...category.synonyms.it, ...category.synonyms.en],
  }));
}
