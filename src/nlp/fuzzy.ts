/**
 * How alike two normalised words are, from 0 (unrelated) to 1 (identical), tolerating the typos
 * and inflections citizens actually type on a phone, but not so loosely that short words collide.
 */
import jaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import levenshtein from 'natural/lib/natural/distance/levenshtein_distance.js';
import porterStemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { stemToken } from './text';

const englishStemCache = new Map<string, string>();

/** English Porter stem of a plain lower-case word (other tokens unchanged). Memoised. */
function englishStem(word: string): string {
  let stem = englishStemCache.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? porterStemmerEn.stem(word) : word;
    if (englishStemCache.size > 50_000) englishStemCache.clear();
    englishStemCache.set(word, stem);
  }
  return stem;
}

export const WORD_SCORES = {
  exact: 1,
  sameStem: 0.95,
  /** One word is the stem of the other plus a suffix ("spacc" -> "spacciatori"). */
  stemPrefix: 0.85,
  /** Upper bound for a typo: a typo never beats a correctly spelled inflection. */
  typo: 0.9,
} as const;

/** Stems shorter than this merge unrelated words ("ferito"/"ferie" -> "fer"). */
const MIN_STEM_LENGTH = 4;
const MIN_PREFIX_STEM_LENGTH = 5;
/**
 * Longest suffix of a stem-plus-suffix form ("spacc" + "iatori"): a longer tail is another word
 * ("elettr" of "elettrica" + "odomestici" is not a form of it).
 */
const MAX_SUFFIX_LENGTH = 6;
/** Below this Jaro-Winkler similarity an edit-distance match is treated as chance. */
const MIN_JARO_WINKLER = 0.88;

/**
 * Edits allowed for a word of this length. Words under 4 letters must be exact: "via"/"vie",
 * "ora"/"ore" are different words, not typos.
 */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 9) return 1;
  return 2;
}

export function damerauLevenshtein(a: string, b: string): number {
  return levenshtein.DamerauLevenshteinDistance(a, b);
}

/** Similarity when `a` looks like a misspelling of `b` (or vice versa), else 0. */
export function typoSimilarity(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  const edits = allowedEdits(shorter);
  if (edits === 0 || Math.abs(a.length - b.length) > edits) return 0;
  // Jaro-Winkler first: it is much cheaper than natural's edit distance and rejects most pairs.
  const jw = jaroWinklerDistance(a, b);
  if (jw < MIN_JARO_WINKLER || damerauLevenshtein(a, b) > edits) return 0;
  return Math.min(jw, WORD_SCORES.typo);
}

const similarityCache = new Map<string, number>();
const SIMILARITY_CACHE_LIMIT = 200_000;

/** Best similarity of two normalised words: exact, same stem, stem prefix or typo. Memoised. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return WORD_SCORES.exact;
  const key = `${a}\u0000${b}`;
  let similarity = similarityCache.get(key);
  if (similarity === undefined) {
    similarity = computeWordSimilarity(a, b);
    if (similarityCache.size >= SIMILARITY_CACHE_LIMIT) similarityCache.clear();
    similarityCache.set(key, similarity);
  }
  return similarity;
}

function computeWordSimilarity(a: string, b: string): number {
  if (/\p{N}/u.test(a) || /\p{N}/u.test(b)) return 0;
  return inflectionSimilarity(a, b) || typoSimilarity(a, b);
}

/**
 * Similarity of two correctly spelled forms of one word: exact, same stem, or stem plus suffix;
 * 0 otherwise (typos are not considered).
 */
export function inflectionSimilarity(a: string, b: string): number {
  if (a === b) return WORD_SCORES.exact;
  if (/\p{N}/u.test(a) || /\p{N}/u.test(b)) return 0;
  const stemA = stemToken(a);
  const stemB = stemToken(b);
  if (stemA === stemB && stemA.length >= MIN_STEM_LENGTH) return WORD_SCORES.sameStem;
  // English forms the Italian stemmer leaves apart ("dumped"/"dumping", "parties"/"party").
  const englishA = englishStem(a);
  if (englishA.length >= MIN_STEM_LENGTH && englishA === englishStem(b)) return WORD_SCORES.sameStem;
  if (isStemPlusSuffix(stemA, b) || isStemPlusSuffix(stemB, a)) return WORD_SCORES.stemPrefix;
  return 0;
}

/**
 * "spacc" + "iatori": a stem and an inflection or derivation suffix, which starts with a vowel (or
 * is a plural "s"). A consonant after the stem starts another word: "street" is not "streetlight".
 */
function isStemPlusSuffix(stem: string, word: string): boolean {
  if (stem.length < MIN_PREFIX_STEM_LENGTH || word.length <= stem.length || !word.startsWith(stem)) return false;
  const suffix = word.slice(stem.length);
  return (/^[aeiouy]/.test(suffix) && suffix.length <= MAX_SUFFIX_LENGTH) || suffix === 's';
}

/** True when `word` is (a form of) one of the vocabulary's words: then it is no typo of another. */
export function isKnownWord(word: string, vocabulary: { words: ReadonlySet<string>; stems: ReadonlySet<string> }): boolean {
  if (vocabulary.words.has(word)) return true;
  const stem = stemToken(word);
  return stem.length >= MIN_STEM_LENGTH && vocabulary.stems.has(stem);
}

/** The words and stems of a set of labels, for isKnownWord. */
export function vocabularyOf(words: Iterable<string>): { words: Set<string>; stems: Set<string> } {
  const all = new Set(words);
  const stems = new Set<string>();
  for (const word of all) {
    const stem = stemToken(word);
    if (stem.length >= MIN_STEM_LENGTH) stems.add(stem);
  }
  return { words: all, stems };
}
