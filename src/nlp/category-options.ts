/**
 * The category catalog as menu options for matchChoice: every label (both languages) and every
 * synonym selects its category.
 */
import { CATEGORIES, type Category, type WornThings } from '../../config/categories';
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

/** A category's decisive and shared phrases (Category.decisive, Category.shared): synonyms too. */
const actsOf = (category: Category): string[] => [
  ...(category.decisive?.it ?? []),
  ...(category.decisive?.en ?? []),
  ...(category.shared?.it ?? []),
  ...(category.shared?.en ?? []),
];

/** The categories' decisive phrases (Category.decisive) as options: which category's phrase a message names. */
export function categoryDecisiveOptions(categories: readonly Category[] = CATEGORIES): ChoiceOption[] {
  return cached(decisiveCache, categories, () => {
    const knownWords = catalogWords(categories);
    return categories.filter((c) => c.decisive).map((c) => ({ id: c.id, labels: [...c.decisive!.it, ...c.decisive!.en], knownWords }));
  });
}

/** The categories' shared phrases (Category.shared) as options. */
export function categorySharedOptions(categories: readonly Category[] = CATEGORIES): ChoiceOption[] {
  return cached(sharedCache, categories, () => {
    const knownWords = catalogWords(categories);
    return categories.filter((c) => c.shared).map((c) => ({ id: c.id, labels: [...c.shared!.it, ...c.shared!.en], knownWords }));
  });
}

/** A category's worn things and their states (Category.shared.worn), each as one option of single words. */
export type WornOptions = { id: string; things: ChoiceOption[]; states: ChoiceOption[] };

/** The categories' worn things and states as options: which words of a message are a thing, which a state. */
export function categoryWornOptions(categories: readonly Category[] = CATEGORIES): WornOptions[] {
  let options = wornCache.get(categories);
  if (!options) {
    const knownWords = catalogWords(categories);
    const option = (id: string, words: WornThings['things']): ChoiceOption[] => [{ id, labels: [...words.it, ...words.en], knownWords }];
    options = categories
      .filter((c) => c.shared?.worn)
      .map((c) => ({ id: c.id, things: option(c.id, c.shared!.worn!.things), states: option(c.id, c.shared!.worn!.states) }));
    wornCache.set(categories, options);
  }
  return options;
}

/**
 * Every word of the catalog and its examples: a message word that is one of them is meant as itself,
 * never as a typo of a decisive or shared phrase ("scaricato" is not "sradicato").
 */
const catalogWords = (categories: readonly Category[]): string[] => [
  ...new Set(categories.flatMap((c) => [...knownWordsOf(c, CATEGORY_EXAMPLES), ...describingLabels(c).flatMap(contentTokens)])),
];

const decisiveCache = new WeakMap<readonly Category[], ChoiceOption[]>();
const sharedCache = new WeakMap<readonly Category[], ChoiceOption[]>();
const wornCache = new WeakMap<readonly Category[], WornOptions[]>();

/** One options array per catalog: the matcher prepares (and remembers) each array once. */
function cached(
  cache: WeakMap<readonly Category[], ChoiceOption[]>,
  categories: readonly Category[],
  build: () => ChoiceOption[],
): ChoiceOption[] {
  let options = cache.get(categories);
  if (!options) {
    options = build();
    cache.set(categories, options);
  }
  return options;
}

const menuWordsOf = (category: Category): string[] => [...(category.menuWords?.it ?? []), ...(category.menuWords?.en ?? [])];

const knownWordsOf = (category: Category, examples: CategoryExamples): string[] => [
  ...new Set([...(examples[category.id]?.it ?? []), ...(examples[category.id]?.en ?? [])].flatMap(contentTokens)),
];
