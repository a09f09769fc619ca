/**
 * Scores how well a message matches a label ("spaccio di droga") or one of its synonyms: the core
 * of answer matching and of the classifier's synonym hits. Works on normalised tokens, so accents,
 * case and punctuation never matter.
 */
import { inflectionSimilarity, wordSimilarity, WORD_SCORES } from './fuzzy';
import { isGeneric, isStopword, namesNothing } from './stopwords';
import { tokenize } from './text';

export type PreparedLabel = {
  text: string;
  /** All normalised tokens of the label. */
  tokens: string[];
  /** Tokens that must be found in the message: the label's content words, or all if none. */
  keyTokens: string[];
  /** The last key token is a phrasal particle ("broken into"). */
  particle: boolean;
  /** Some key token is neither a function word nor a negation. */
  hasContent: boolean;
};

/**
 * A word that can make a label match on its own: not a function word, a negation, a time word or a
 * generic word ("via" of "via al buio", "day" of "lights on all day").
 */
const isContentWord = (token: string) => !isStopword(token) && !namesNothing(token);

export type LabelScore = {
  /** 0..1: mean similarity of the label's key words to their best match in the message. */
  score: number;
  /** Indexes of the message tokens that matched, to tell a more specific match from a weaker one. */
  matched: ReadonlySet<number>;
};

export const NO_SCORE: LabelScore = { score: 0, matched: new Set() };

/** Other words allowed between the words of a phrase ("lampione della via spento"). */
const MAX_PHRASE_GAP = 3;

/**
 * English particles that make a phrasal verb: at the end of a label they carry its meaning ("broken
 * into" is a theft, "broken" alone is not; "light out" is not "light"), so they must be found too.
 */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['in', 'into', 'out', 'off', 'up', 'down', 'over']);

export function prepareLabel(text: string): PreparedLabel {
  const tokens = tokenize(text);
  const isParticle = (token: string, index: number) => index > 0 && index === tokens.length - 1 && PHRASAL_PARTICLES.has(token);
  const content = tokens.filter((token, index) => !isStopword(token) || isParticle(token, index));
  const keyTokens = [...new Set(content.length > 0 ? content : tokens)];
  const particle = content.length > 1 && keyTokens.length === content.length && isParticle(tokens[tokens.length - 1], tokens.length - 1);
  const hasContent = keyTokens.some(isContentWord);
  return { text, tokens, keyTokens, particle, hasContent };
}

/**
 * Similarity of one label word to one message word. Function words only match exactly; a message
 * word that is itself a word of the menu (`typos: false`) matches only its own forms, never as a
 * typo of another word ("selling" is not a misspelt "yelling" when "selling" is a synonym too).
 */
export function tokenSimilarity(messageToken: string, labelToken: string, typos: boolean): number {
  if (messageToken === labelToken) return WORD_SCORES.exact;
  if (isStopword(messageToken) || isStopword(labelToken)) return 0;
  // "segnalare" is no form of "segnaletica", "problemi" of nothing: a generic word only matches itself.
  if (isGeneric(messageToken)) return 0;
  return typos ? wordSimilarity(messageToken, labelToken) : inflectionSimilarity(messageToken, labelToken);
}

/** How alike the message token at `index` is to a label word (0..1). */
export type SimilarityLookup = (index: number, labelToken: string) => number;

/** The lookup for plain message tokens: no typo for the tokens in `knownTokens`. */
export function directSimilarity(messageTokens: readonly string[], knownTokens?: ReadonlySet<number>): SimilarityLookup {
  return (index, labelToken) => tokenSimilarity(messageTokens[index], labelToken, !knownTokens?.has(index));
}

/**
 * Each key word of the label is looked up among the message tokens (exact, stem, typo; no typo for
 * the message tokens in `knownTokens`, the indexes of words the menu itself contains); the score
 * is the mean of the best similarities, so "persone sospette" still scores 2/3 against
 * "persone o veicoli sospetti" while one shared word of a three-word label scores 1/3.
 */
export function scoreLabel(messageTokens: readonly string[], label: PreparedLabel, knownTokens?: ReadonlySet<number>): LabelScore {
  return scoreLabelWith(messageTokens.length, label, directSimilarity(messageTokens, knownTokens));
}

/** scoreLabel over a message of `length` tokens whose similarities `similarity` gives. */
export function scoreLabelWith(length: number, label: PreparedLabel, similarity: SimilarityLookup): LabelScore {
  if (label.keyTokens.length === 0 || length === 0) return NO_SCORE;
  const matched = new Set<number>();
  let total = 0;
  let bestSingle = 0;
  let bestSingleIndex = -1;
  let contentFound = false;
  const bestIndexes: number[] = [];
  const bestScores: number[] = [];
  for (const labelToken of label.keyTokens) {
    let best = 0;
    let bestIndex = -1;
    for (let index = 0; index < length; index++) {
      const current = similarity(index, labelToken);
      if (current > best) {
        best = current;
        bestIndex = index;
      }
    }
    bestIndexes.push(bestIndex);
    bestScores.push(best);
    if (bestIndex >= 0) {
      matched.add(bestIndex);
      if (isContentWord(labelToken)) contentFound = true;
    }
    total += best;
    if (best > bestSingle) {
      bestSingle = best;
      bestSingleIndex = bestIndex;
    }
  }
  // A particle, a negation or a generic word alone ("in" of "broken into", "non" of "non si accende",
  // "via" of "via al buio") is no match, unless the label is nothing else ("sì", "no").
  if (!contentFound && label.hasContent) return NO_SCORE;
  // A phrasal verb's particle comes right after its verb: "broken in", not "lights in ... broken".
  if (label.particle) {
    const verb = bestIndexes[label.keyTokens.length - 2];
    const particle = bestIndexes[label.keyTokens.length - 1];
    if (particle >= 0 && (verb < 0 || particle <= verb || particle - verb > 2)) {
      total -= bestScores[label.keyTokens.length - 1];
      matched.delete(particle);
    }
  }
  // A phrase's words far apart are not the phrase ("a van circling our street ... lights off" is
  // not "street lights"): then only its best word counts.
  if (matched.size > 1) {
    const first = Math.min(...matched);
    const last = Math.max(...matched);
    if (last - first + 1 - matched.size > MAX_PHRASE_GAP) {
      return { score: bestSingle / label.keyTokens.length, matched: new Set([bestSingleIndex]) };
    }
  }
  return { score: total / label.keyTokens.length, matched };
}

/**
 * The best of several labels (an option's label and synonyms). `matched` is every message token
 * explained by any label scoring at least `minScore`: "spacciatori che vendono droga" is explained
 * by drug_dealing through "spacciatori" and "droga" both.
 */
export function scoreLabels(
  messageTokens: readonly string[],
  labels: readonly PreparedLabel[],
  minScore = 0.6,
  knownTokens?: ReadonlySet<number>,
): LabelScore {
  return scoreLabelsWith(messageTokens.length, labels, directSimilarity(messageTokens, knownTokens), minScore);
}

/** scoreLabels with a similarity lookup (see scoreLabelWith). */
export function scoreLabelsWith(length: number, labels: Iterable<PreparedLabel>, similarity: SimilarityLookup, minScore = 0.6): LabelScore {
  let best = NO_SCORE;
  const explained = new Set<number>();
  for (const label of labels) {
    const current = scoreLabelWith(length, label, similarity);
    if (current.score >= minScore) current.matched.forEach((index) => explained.add(index));
    if (current.score > best.score || (current.score === best.score && current.matched.size > best.matched.size)) {
      best = current;
    }
  }
  best.matched.forEach((index) => explained.add(index));
  return { score: best.score, matched: explained };
}
