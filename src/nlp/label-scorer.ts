/**
 * Scores how well a message matches a label ("spaccio di droga") or one of its synonyms: the core
 * of answer matching and of the classifier's synonym hits. Works on normalised tokens, so accents,
 * case and punctuation never matter.
 */
import { inflectionSimilarity, wordSimilarity, WORD_SCORES } from './fuzzy';
import { isStopword } from './stopwords';
import { tokenize } from './text';

export type PreparedLabel = {
  text: string;
  /** All normalised tokens of the label. */
  tokens: string[];
  /** Tokens that must be found in the message: the label's content words, or all if none. */
  keyTokens: string[];
};

export type LabelScore = {
  /** 0..1: mean similarity of the label's key words to their best match in the message. */
  score: number;
  /** Indexes of the message tokens that matched, to tell a more specific match from a weaker one. */
  matched: ReadonlySet<number>;
};

export const NO_SCORE: LabelScore = { score: 0, matched: new Set() };

/**
 * English particles that make a phrasal verb: at the end of a label they carry its meaning ("broken
 * into" is a theft, "broken" alone is not; "light out" is not "light"), so they must be found too.
 */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['in', 'into', 'out', 'off', 'up', 'down', 'over']);

export function prepareLabel(text: string): PreparedLabel {
  const tokens = tokenize(text);
  const content = tokens.filter((token, index) => !isStopword(token) || (index > 0 && index === tokens.length - 1 && PHRASAL_PARTICLES.has(token)));
  return { text, tokens, keyTokens: [...new Set(content.length > 0 ? content : tokens)] };
}

/**
 * Similarity of one label word to one message word. Function words only match exactly; a message
 * word that is itself a word of the menu (`typos: false`) matches only its own forms, never as a
 * typo of another word ("selling" is not a misspelt "yelling" when "selling" is a synonym too).
 */
function tokenSimilarity(messageToken: string, labelToken: string, typos: boolean): number {
  if (messageToken === labelToken) return WORD_SCORES.exact;
  if (isStopword(messageToken) || isStopword(labelToken)) return 0;
  return typos ? wordSimilarity(messageToken, labelToken) : inflectionSimilarity(messageToken, labelToken);
}

/**
 * Each key word of the label is looked up among the message tokens (exact, stem, typo; no typo for
 * the message tokens in `knownTokens`, the indexes of words the menu itself contains); the score
 * is the mean of the best similarities, so "persone sospette" still scores 2/3 against
 * "persone o veicoli sospetti" while one shared word of a three-word label scores 1/3.
 */
export function scoreLabel(messageTokens: readonly string[], label: PreparedLabel, knownTokens?: ReadonlySet<number>): LabelScore {
  if (label.keyTokens.length === 0 || messageTokens.length === 0) return NO_SCORE;
  const matched = new Set<number>();
  let total = 0;
  for (const labelToken of label.keyTokens) {
    let best = 0;
    let bestIndex = -1;
    messageTokens.forEach((messageToken, index) => {
      const similarity = tokenSimilarity(messageToken, labelToken, !knownTokens?.has(index));
      if (similarity > best) {
        best = similarity;
        bestIndex = index;
      }
    });
    if (bestIndex >= 0) matched.add(bestIndex);
    total += best;
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
  let best = NO_SCORE;
  const explained = new Set<number>();
  for (const label of labels) {
    const current = scoreLabel(messageTokens, label, knownTokens);
    if (current.score >= minScore) current.matched.forEach((index) => explained.add(index));
    if (current.score > best.score || (current.score === best.score && current.matched.size > best.matched.size)) {
      best = current;
    }
  }
  best.matched.forEach((index) => explained.add(index));
  return { score: best.score, matched: explained };
}
