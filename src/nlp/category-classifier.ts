/**
 * Ranks the categories for a free-text description ("ci sono ragazzi che spacciano al parco" ->
 * drug_dealing first) so the bot can ask "È spaccio di droga?" instead of showing the whole menu.
 *
 * Two signals: natural's naive Bayes classifier trained on example sentences
 * (config/category-examples.ts) and the catalog's labels and synonyms, over stems and pairs of
 * stems (src/nlp/category-features.ts); and direct hits of catalog synonyms (exact, stem or typo).
 * A suggestion is only made when the winner is clear.
 */
import { CATEGORIES, type Category } from '../../config/categories';
import { CATEGORY_EXAMPLES, type CategoryExamples } from '../../config/category-examples';
import { matchedChoiceOptions } from './answer-matcher';
import { categoryTokens, categoryWords, featureStem, featuresOf } from './category-features';
import { FeatureListBayesClassifier } from './feature-list-bayes';
import { categoryDescriptionOptions, describingLabels } from './category-options';
import { typoSimilarity } from './fuzzy';
import { NAMELESS_WORDS, namesNothing as isNameless } from './stopwords';

export type CategorySuggestion = { categoryId: string; confidence: number };

export type CategoryClassifier = {
  /** The likely category, or undefined when the text does not point clearly at one. */
  suggest(text: string): CategorySuggestion | undefined;
  /** Every category with its share of the evidence (0..1, summing to 1), best first; empty when nothing is known. */
  rank(text: string): CategorySuggestion[];
  /** How long training took, in milliseconds (for logs and the test output). */
  readonly trainingMs: number;
};

export type CategoryClassifierOptions = {
  categories?: readonly Category[];
  /** Minimum confidence of a suggestion. @defaultValue 0.5 */
  minConfidence?: number;
  /** Minimum lead of the winner over the runner-up. @defaultValue 0.15 */
  minMargin?: number;
};

/**
 * Weight of a catalog synonym hit relative to the classifier's probabilities (which sum to 1):
 * a synonym names the category, so one clear hit counts about as much as the whole classifier.
 * Several hits share it: "spacciatori e lampioni spenti" weighs both.
 */

const SYNONYM_WEIGHT = 0.8;

/** A feature is evidence when at least this share of the training documents having it are of one category. */
const INFORMATIVE_SHARE = 0.6;

/**
 * ...and it is in at least this many of that category's documents (a catalog synonym is one): a word
 * met once in one example sentence ("sure", "tbh") is chance, not evidence.
 */
const MIN_EVIDENCE_DOCUMENTS = 2;

/** Stems of the words that name nothing alone ("non", "via", "problema", "segnalare", "stanotte"). */
let namelessStems: ReadonlySet<string> | undefined;

/**
 * A feature that says how, where, when or who but not what: a negation, a generic or a time word, or
 * a pair of them ("problem+via"). Such a feature is no evidence of a category.
 */
function namesNothing(feature: string): boolean {
  namelessStems ??= new Set(NAMELESS_WORDS.map(featureStem));
  return feature.split('+').every((stem) => namelessStems!.has(stem));
}

/** The features that point at a category (see INFORMATIVE_SHARE). */
function informativeFeatures(documentCounts: ReadonlyMap<string, ReadonlyMap<string, number>>): Set<string> {
  const informative = new Set<string>();
  for (const [feature, counts] of documentCounts) {
    const values = [...counts.values()];
    const total = values.reduce((sum, n) => sum + n, 0);
    // A negation alone ("not", "non") says how, not what; a generic word ("via", "problema") where, not what.
    const top = Math.max(...values);
    if (!namesNothing(feature) && top >= MIN_EVIDENCE_DOCUMENTS && top / total >= INFORMATIVE_SHARE) informative.add(feature);
  }
  return informative;
}

/** Typo corrections remembered per process. */
const MAX_CORRECTIONS = 20_000;

const wordsOf = categoryWords;

export function createCategoryClassifier(
  examples: CategoryExamples = CATEGORY_EXAMPLES,
  options: CategoryClassifierOptions = {},
): CategoryClassifier {
  const categories = options.categories ?? CATEGORIES;
  const minConfidence = options.minConfidence ?? 0.5;
  const minMargin = options.minMargin ?? 0.15;
  const choiceOptions = categoryDescriptionOptions(categories, examples);

  const started = performance.now();
  const bayes = new FeatureListBayesClassifier();
  const vocabulary = new Set<string>();
  /** Per feature, how many training documents of each category have it. */
  const documentCounts = new Map<string, Map<string, number>>();
  const addDocument = (text: string, categoryId: string, repeated = false) => {
    const words = wordsOf(text);
    words.forEach((word) => vocabulary.add(word));
    if (words.length === 0) return;
    const features = featuresOf(words);
    // Counted once per written document: the repeats that balance the categories are no new evidence.
    for (const feature of repeated ? [] : new Set(features)) {
      const counts = documentCounts.get(feature) ?? new Map<string, number>();
      counts.set(categoryId, (counts.get(categoryId) ?? 0) + 1);
      documentCounts.set(feature, counts);
    }
    // Documents are passed as feature arrays, so natural's own (English) tokenizer and stemmer are unused.
    bayes.addDocument(features, categoryId);
  };
  const documents = new Map<string, string[]>(categories.map((category) => [category.id, describingLabels(category)]));
  for (const [categoryId, sentences] of Object.entries(examples)) {
    documents.set(categoryId, [...(documents.get(categoryId) ?? []), ...sentences.it, ...sentences.en]);
  }
  for (const [categoryId, texts] of documents) {
    texts.forEach((text) => addDocument(text, categoryId));
  }
  // Every category weighs the same: the smaller ones' documents are repeated up to the largest's
  // count. Without it, a word the classifier has seen in no category (or in one) makes the
  // categories with the fewest examples look likelier, and vague messages went to them.
  const largest = Math.max(...[...documents.values()].map((texts) => texts.length));
  for (const [categoryId, texts] of documents) {
    for (let i = 0; texts.length > 0 && texts.length + i < largest; i++) addDocument(texts[i % texts.length], categoryId, true);
  }
  bayes.train();
  const informative = informativeFeatures(documentCounts);
  const trainingMs = performance.now() - started;

  /** An unknown word replaced by the training word it is a typo of ("vandalisno" -> "vandalismo"). */
  const corrections = new Map<string, string>();
  function correct(word: string): string {
    // A word that names nothing ("tanto", "settimana") is meant as itself, never as a typo ("tanfo").
    if (vocabulary.has(word) || word.length < 5 || isNameless(word)) return word;
    const known = corrections.get(word);
    if (known !== undefined) return known;
    const corrected = closestKnown(word);
    // Bounded: the same words come back all day, but a flood of random ones must not grow it.
    if (corrections.size >= MAX_CORRECTIONS) corrections.clear();
    corrections.set(word, corrected);
    return corrected;
  }

  function closestKnown(word: string): string {
    if (featuresOf([word])[0] in bayes.features) return word;
    let best = word;
    let bestScore = 0;
    for (const known of vocabulary) {
      if (known[0] !== word[0] || Math.abs(known.length - word.length) > 2) continue;
      const score = typoSimilarity(word, known);
      if (score > bestScore) {
        best = known;
        bestScore = score;
      }
    }
    return best;
  }

  /** Classifier probabilities normalised to sum 1, or empty when no word of the text is known. */
  function bayesProbabilities(words: readonly string[]): Map<string, number> {
    const features = featuresOf(words.map(correct)).filter((feature) => feature in bayes.features);
    // Only words spread over many categories ("problema", "street", "look"): the classifier would
    // still rank them, mostly by the categories' sizes. That is no evidence.
    if (!features.some((feature) => informative.has(feature))) return new Map();
    const classifications = bayes.getClassifications(features);
    const total = classifications.reduce((sum, c) => sum + c.value, 0);
    if (!(total > 0)) return new Map();
    return new Map(classifications.map((c) => [c.label, c.value / total]));
  }

  function rank(text: string): CategorySuggestion[] {
    const words = wordsOf(text);
    const probabilities = bayesProbabilities(words);
    // Phrases are matched on the tokens with their function words ("broke in" needs its particle).
    const hits = matchedChoiceOptions(categoryTokens(text), choiceOptions);
    if (probabilities.size === 0 && hits.length === 0) return [];
    const synonymScores = new Map(hits.map((option) => [option.id, option.score / hits.length]));
    const combined = categories.map((category) => ({
      categoryId: category.id,
      score: (probabilities.get(category.id) ?? 0) + SYNONYM_WEIGHT * (synonymScores.get(category.id) ?? 0),
    }));
    const total = combined.reduce((sum, c) => sum + c.score, 0);
    if (!(total > 0)) return [];
    return combined
      .map((c) => ({ categoryId: c.categoryId, confidence: Math.round((c.score / total) * 1000) / 1000 }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  function suggest(text: string): CategorySuggestion | undefined {
    // The text names two categories in its own words ("spacciatori" and "lampioni spenti"): the
    // citizen should choose; a guess from word statistics would be a coin toss presented as a hint.
    if (new Set(matchedChoiceOptions(wordsOf(text), choiceOptions).map((option) => option.id)).size > 1) return undefined;
    const [best, second] = rank(text);
    if (!best || best.confidence < minConfidence || best.confidence - (second?.confidence ?? 0) < minMargin) return undefined;
    return best;
  }

  return { suggest, rank, trainingMs };
}
