/**
 * The category catalog as menu options for matchChoice: every label (both languages) and every
 * synonym selects its category.
 */
import { CATEGORIES, type Category } from '../../config/categories';
import { CATEGORY_EXAMPLES, type CategoryExamples } from '../../config/category-examples';
import type { ChoiceOption } from './answer-matcher';
import { contentTokens, normalizeText } from './text';

/**
 * The words of the example sentences are spelled right: they are no typo of a synonym ("people
 * shooting up" is not "shouting").
 */
export function categoryChoiceOptions(
  categories: readonly Category[] = CATEGORIES,
  examples: CategoryExamples = CATEGORY_EXAMPLES,
): ChoiceOption[] {
  return categories.map((category) => ({
    id: category.id,
    labels: [
      category.labels.it,
      category.labels.en,
      ...category.synonyms.it,
      ...category.synonyms.en,
      ...actsOf(category),
      ...menuWordsOf(category),
    ],
    knownWords: knownWordsOf(category, examples),
  }));
}

/**
 * The catalog as evidence in a description: labels and synonyms without the menu-only words
 * ("altro", "other"), which choose an entry from the menu but say nothing about a problem.
 */
export function categoryDescriptionOptions(
  categories: readonly Category[] = CATEGORIES,
  examples: CategoryExamples = CATEGORY_EXAMPLES,
): ChoiceOption[] {
  // One array per catalog and examples: the matcher prepares (and remembers) each options array once.
  const byExamples = descriptionCache.get(categories) ?? new WeakMap<CategoryExamples, ChoiceOption[]>();
  descriptionCache.set(categories, byExamples);
  let options = byExamples.get(examples);
  if (!options) {
    options = categories.map((category) => ({
      id: category.id,
      labels: describingLabels(category),
      knownWords: knownWordsOf(category, examples),
    }));
    byExamples.set(examples, options);
  }
  return options;
}

const descriptionCache = new WeakMap<readonly Category[], WeakMap<CategoryExamples, ChoiceOption[]>>();

/** A category's labels and synonyms that describe a problem (not its menu-only words). */
export function describingLabels(category: Category): string[] {
  const menuOnly = new Set(menuWordsOf(category).map(normalizeText));
  return [category.labels.it, category.labels.en, ...category.synonyms.it, ...category.synonyms.en, ...actsOf(category)].filter(
    (label) => !menuOnly.has(normalizeText(label)),
  );
}

const actsOf = (category: Category): string[] => [...(category.acts?.it ?? []), ...(category.acts?.en ?? [])];

/** The categories' deliberate acts (Category.acts) as options: which category's act a message names. */
export function categoryActOptions(categories: readonly Category[] = CATEGORIES): ChoiceOption[] {
  let options = actCache.get(categories);
  if (!options) {
    options = categories.filter((category) => category.acts).map((category) => ({ id: category.id, labels: actsOf(category) }));
    actCache.set(categories, options);
  }
  return options;
}

const actCache = new WeakMap<readonly Category[], ChoiceOption[]>();

const menuWordsOf = (category: Category): string[] => [...(category.menuWords?.it ?? []), ...(category.menuWords?.en ?? [])];

const knownWordsOf = (category: Category, examples: CategoryExamples): string[] => [
  ...new Set([...(examples[category.id]?.it ?? []), ...(examples[category.id]?.en ?? [])].flatMap(contentTokens)),
];
