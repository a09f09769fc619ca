/**
 * Text normalisation shared by every matcher: one place decides what "the same word" means.
 *
 * We tokenise ourselves with a Unicode-aware regexp: natural's AggressiveTokenizerIt splits on
 * `\W+` and mangles accented words ("città" -> "citt"). Stemming uses natural's Italian Porter
 * stemmer through a deep import, because importing `natural` itself runs dotenv and prints.
 */
import porterStemmerIt from 'natural/lib/natural/stemmers/porter_stemmer_it.js';
import { isStopword } from './stopwords';

const DIACRITICS = /\p{M}/gu;
const TOKEN_SEPARATOR = /[^\p{L}\p{N}]+/u;

/**
 * Lower-case, remove accents and other combining marks, collapse whitespace.
 * Removing all marks (not just Latin accents) also turns keycap emoji "2️⃣" into "2".
 */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Normalised word tokens: letters and digits only ("c'è un'auto" -> ["c", "e", "un", "auto"]). */
export function tokenize(text: string): string[] {
  return normalizeText(text).split(TOKEN_SEPARATOR).filter(Boolean);
}

const stemCache = new Map<string, string>();

/** Italian Porter stem of one normalised token (memoised: the same words come back all day). */
export function stemToken(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    stem = /^\p{N}+$/u.test(token) ? token : porterStemmerIt.stem(token);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(token, stem);
  }
  return stem;
}

/** Tokens that carry meaning: stopwords (articles, prepositions, auxiliaries...) removed. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((token) => !isStopword(token));
}

/** Content tokens, stemmed: the features of the category classifier. */
export function stemmedContentTokens(text: string): string[] {
  return contentTokens(text).map(stemToken);
}
