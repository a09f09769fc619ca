/**
 * Suggests a category from a free-text description ("ci sono ragazzi che spacciano al parco" ->
 * drug_dealing) so the bot can ask "È spaccio di droga?" instead of showing the whole menu.
 *
 * Two signals: natural's naive Bayes classifier trained on stemmed example sentences
 * (config/category-examples.ts) and the catalog's labels, and direct hits of catalog synonyms
 * (exact, stem or typo). A suggestion is only made when the winner is clear.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { CATEGORIES, type Category } from '../../config/categories';
import { CATEGORY_EXAMPLES, type CategoryExamples } from '../../config/category-examples';
import { matchedChoiceOptions } from './answer-matcher';
import { categoryChoiceOptions } from './category-options';
import { typoSimilarity } from './fuzzy';
import { contentTokens, stemToken, tokenize } from './text';

export type CategorySuggestion = { categoryId: string; confidence: number };

export type CategoryClassifier = {
  /** The likely category, or undefined when the text does not point clearly at one. */
  suggest(text: string): CategorySuggestion | undefined;
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
 * a synonym names the category, so one clear hit counts as much as the whole classifier.
 */
const SYNONYM_WEIGHT = 1;

/**
 * Features of a text: the Italian stems of its content words. (Adding the whole words as extra
 * features was tried: it counts the same evidence twice and makes the classifier overconfident.)
 */
function featuresOf(words: readonly string[]): string[] {
  return words.map(stemToken);
}

export function createCategoryClassifier(
  examples: CategoryExamples = CATEGORY_EXAMPLES,
  options: CategoryClassifierOptions = {},
): CategoryClassifier {
  const categories = options.categories ?? CATEGORIES;
  const minConfidence = options.minConfidence ?? 0.5;
  const minMargin = options.minMargin ?? 0.15;
  const choiceOptions = categoryChoiceOptions(categories);

  const started = performance.now();
  const bayes = new BayesClassifier();
  const vocabulary = new Set<string>();
  const addDocument = (text: string, categoryId: string) => {
    const words = contentTokens(text);
    words.forEach((word) => vocabulary.add(word));
    // Documents are passed as feature arrays, so natural's own (English) tokenizer and stemmer are unused.
    if (words.length > 0) bayes.addDocument(featuresOf(words), categoryId);
  };
  for (const [categoryId, sentences] of Object.entries(examples)) {
    for (const sentence of [...sentences.it, ...sentences.en]) addDocument(sentence, categoryId);
  }
  for (const category of categories) {
    for (const label of [category.labels.it, category.labels.en, ...category.synonyms.it, ...category.synonyms.en]) {
      addDocument(label, category.id);
    }
  }
  bayes.train();
  const trainingMs = performance.now() - started;

  /** An unknown word replaced by the training word it is a typo of ("vandalisno" -> "vandalismo"). */
  function correct(word: string): string {
    if (vocabulary.has(word) || stemToken(word) in bayes.features || word.length < 5) return word;
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
  function bayesProbabilities(text: string): Map<string, number> {
    const features = featuresOf(contentTokens(text).map(correct)).filter((feature) => feature in bayes.features);
    if (features.length === 0) return new Map();
    const classifications = bayes.getClassifications(features);
    const total = classifications.reduce((sum, c) => sum + c.value, 0);
    if (!(total > 0)) return new Map();
    return new Map(classifications.map((c) => [c.label, c.value / total]));
  }

  function suggest(text: string): CategorySuggestion | undefined {
    const probabilities = bayesProbabilities(text);
    const synonymScores = new Map(matchedChoiceOptions(tokenize(text), choiceOptions).map((option) => [option.id, option.score]));
    if (probabilities.size === 0 && synonymScores.size === 0) return undefined;
    // The text names two categories in its own words ("spacciatori" and "lampioni spenti"): the
    // citizen should choose; a guess from word statistics would be a coin toss presented as a hint.
    if (synonymScores.size > 1) return undefined;

    const combined = categories.map((category) => ({
      categoryId: category.id,
      score: (probabilities.get(category.id) ?? 0) + SYNONYM_WEIGHT * (synonymScores.get(category.id) ?? 0),
    }));
    const total = combined.reduce((sum, c) => sum + c.score, 0);
    if (!(total > 0)) return undefined;
    combined.sort((a, b) => b.score - a.score);
    const [best, second] = combined.map((c) => ({ ...c, confidence: c.score / total }));
    if (best.confidence < minConfidence || best.confidence - (second?.confidence ?? 0) < minMargin) return undefined;
    return { categoryId: best.categoryId, confidence: Math.round(best.confidence * 1000) / 1000 };
  }

  return { suggest, trainingMs };
}
