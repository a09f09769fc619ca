/**
 * Understanding a citizen's answer to a numbered menu ("2", "due", "spaccio", "ho visto dello
 * spacio") and recognising global commands ("annulla", "/aiuto", "indietro").
 */
import { scoreLabels, prepareLabel, type LabelScore, type PreparedLabel } from './label-scorer';
import { leadingDigits, parseChoiceNumber } from './number-choice';
import { isKnownWord, typoSimilarity, vocabularyOf } from './fuzzy';
import { isStopword } from './stopwords';
import { tokenize } from './text';

export type ChoiceOption = {
  id: string;
  /** Displayed label in every language plus synonyms; any of them selects the option. */
  labels: string[];
  /**
   * Other correctly spelled words citizens use about this option (from example sentences): they
   * select nothing, but are never taken for a typo of a label word ("shooting" is not "shouting").
   */
  knownWords?: readonly string[];
};

export type MatchResult =
  { ok: true; id: string; score: number } | { ok: false; reason: 'empty' | 'no_match' | 'ambiguous'; candidates?: string[] };

/** An option needs at least this score to be chosen by its words. */
export const ACCEPT_SCORE = 0.6;
/** Options scoring at least this are offered as candidates when nothing is accepted. */
const CANDIDATE_SCORE = 0.4;
/** Two options closer than this are ambiguous, unless one match is strictly more specific. */
export const AMBIGUITY_MARGIN = 0.1;

export type ScoredOption = { id: string } & LabelScore;

const preparedCache = new WeakMap<ChoiceOption, PreparedLabel[]>();

function preparedLabels(option: ChoiceOption): PreparedLabel[] {
  let prepared = preparedCache.get(option);
  if (!prepared) {
    prepared = option.labels.map(prepareLabel);
    preparedCache.set(option, prepared);
  }
  return prepared;
}

const vocabularyCache = new WeakMap<readonly ChoiceOption[], ReturnType<typeof vocabularyOf>>();

/** Every content word of every option's labels (cached per options array: menus are built once). */
function menuVocabulary(options: readonly ChoiceOption[]) {
  let vocabulary = vocabularyCache.get(options);
  if (!vocabulary) {
    vocabulary = vocabularyOf(
      options.flatMap((option) => [...preparedLabels(option).flatMap((label) => label.keyTokens), ...(option.knownWords ?? [])]),
    );
    vocabularyCache.set(options, vocabulary);
  }
  return vocabulary;
}

/**
 * Indexes of the message tokens that are words of the menu itself (exactly or by stem). Such a
 * word is what the citizen meant: it must not also count as a typo of another option's word
 * ("youngsters selling weed" is about "selling", not a misspelt "yelling").
 */
function knownTokenIndexes(tokens: readonly string[], options: readonly ChoiceOption[]): Set<number> {
  const vocabulary = menuVocabulary(options);
  const known = new Set<number>();
  tokens.forEach((token, index) => {
    if (!isStopword(token) && isKnownWord(token, vocabulary)) known.add(index);
  });
  return known;
}

/** Every option's best label score for these message tokens, best first. */
export function scoreChoiceOptions(tokens: readonly string[], options: readonly ChoiceOption[]): ScoredOption[] {
  const known = knownTokenIndexes(tokens, options);
  return options
    .map((option) => ({ id: option.id, ...scoreLabels(tokens, preparedLabels(option), ACCEPT_SCORE, known) }))
    .sort((a, b) => b.score - a.score || b.matched.size - a.matched.size);
}

const isSubset = (small: ReadonlySet<number>, large: ReadonlySet<number>) => [...small].every((index) => large.has(index));

/**
 * `runnerUp` does not compete with `best` when it matched only words that `best` matched too and
 * scored lower, or matched strictly fewer of them: "tentato furto" prefers the label "tentato
 * furto" to "furto", and "hanno spaccato" prefers exact "spaccato" to the same-stem "spaccio".
 */
function isDominated(runnerUp: ScoredOption, best: ScoredOption): boolean {
  if (!isSubset(runnerUp.matched, best.matched)) return false;
  return runnerUp.score < best.score || runnerUp.matched.size < best.matched.size;
}

/**
 * Options whose words are found in the message (score >= ACCEPT_SCORE), without those that only
 * echo a better match ("spaccato" also stems like "spaccio": only vandalism counts).
 */
export function matchedChoiceOptions(tokens: readonly string[], options: readonly ChoiceOption[]): ScoredOption[] {
  const accepted = scoreChoiceOptions(tokens, options).filter((option) => option.score >= ACCEPT_SCORE);
  return accepted.filter((option, index) => !accepted.slice(0, index).some((better) => isDominated(option, better)));
}

/** Decide from the scored options: one winner, ambiguity, or nothing. */
function decide(scored: readonly ScoredOption[]): MatchResult {
  const [best] = scored;
  if (!best || best.score < ACCEPT_SCORE) {
    const candidates = scored.filter((option) => option.score >= CANDIDATE_SCORE).map((option) => option.id);
    if (candidates.length >= 2) return { ok: false, reason: 'ambiguous', candidates };
    return candidates.length === 1 ? { ok: false, reason: 'no_match', candidates } : { ok: false, reason: 'no_match' };
  }
  const rivals = scored.slice(1).filter((option) => option.score >= best.score - AMBIGUITY_MARGIN && !isDominated(option, best));
  if (rivals.length > 0) {
    return { ok: false, reason: 'ambiguous', candidates: [best.id, ...rivals.map((option) => option.id)] };
  }
  return { ok: true, id: best.id, score: Math.round(best.score * 1000) / 1000 };
}

/**
 * Match a free-text answer against a numbered menu. Options are numbered from 1 in the given order.
 * Numbers (digits, keycap emoji, number words) win outright; otherwise labels and synonyms are
 * matched exactly, inside a longer sentence, by stem or with typos.
 */
export function matchChoice(input: string, options: ChoiceOption[]): MatchResult {
  const tokens = tokenize(input);
  if (tokens.length === 0) return { ok: false, reason: 'empty' };

  const number = parseChoiceNumber(tokens);
  if (number !== undefined) {
    const option = options[number - 1];
    return option ? { ok: true, id: option.id, score: 1 } : { ok: false, reason: 'no_match' };
  }

  const leading = leadingDigits(tokens);
  const numbered = leading ? options[leading.value - 1] : undefined;
  if (leading && numbered) {
    // "2 spaccio": the words confirm the number, or name another option ("3 ragazzi spacciano").
    const byWords = decide(scoreChoiceOptions(leading.rest, options));
    if (!byWords.ok || byWords.id === numbered.id) return { ok: true, id: numbered.id, score: 1 };
    return { ok: false, reason: 'ambiguous', candidates: [numbered.id, byWords.id] };
  }

  return decide(scoreChoiceOptions(tokens, options));
}

/** Courtesy words a command may come with ("annulla grazie", "help please"). */
const COURTESY = new Set(['grazie', 'prego', 'please', 'pls', 'thanks', 'thx', 'ok', 'okay']);
const COURTESY_PHRASES = [
  ['per', 'favore'],
  ['per', 'piacere'],
  ['thank', 'you'],
];

function stripCourtesy(tokens: string[]): string[] {
  let result = [...tokens];
  let changed = true;
  while (changed && result.length > 1) {
    changed = false;
    for (const phrase of COURTESY_PHRASES) {
      const n = phrase.length;
      if (result.length > n && phrase.every((word, i) => result[result.length - n + i] === word)) {
        result = result.slice(0, -n);
        changed = true;
      }
    }
    if (result.length > 1 && COURTESY.has(result[result.length - 1])) {
      result = result.slice(0, -1);
      changed = true;
    }
    if (result.length > 1 && COURTESY.has(result[0])) {
      result = result.slice(1);
      changed = true;
    }
  }
  return result;
}

/** "/annulla@VicinatoBot" -> "annulla": Telegram appends the bot name to commands in groups. */
function stripCommandSyntax(input: string): string {
  const trimmed = input.trim();
  if (!trimmed.startsWith('/')) return trimmed;
  return trimmed.slice(1).replace(/^(\S+?)@\S+/, '$1');
}

/** "siii" -> "si", "nooo" -> "no": chat emphasis, not a different word. */
const collapseRepeats = (text: string) => text.replace(/(\p{L})\1+/gu, '$1');

type PreparedKeyword = { key: string; typed: string; keyword: string; collapsed: string };
type PreparedKeywords = { words: PreparedKeyword[]; last?: { input: string; key: string | undefined } };

/**
 * The keyword lists normalised once per lists object (flows build them once), and the last answer
 * given for them: several shortcuts ask about the same message in one turn.
 */
const keywordCache = new WeakMap<Record<string, string[]>, PreparedKeywords>();

function preparedKeywords(keywords: Record<string, string[]>): PreparedKeywords {
  let prepared = keywordCache.get(keywords);
  if (!prepared) {
    const words = Object.entries(keywords).flatMap(([key, list]) =>
      list.map((word) => {
        const keyword = tokenize(word).join(' ');
        return { key, typed: word.trim(), keyword, collapsed: collapseRepeats(keyword) };
      }),
    );
    prepared = { words };
    keywordCache.set(keywords, prepared);
  }
  return prepared;
}

/**
 * The key of the global command this message IS, or undefined. The whole message must be the
 * command (a leading "/", punctuation, "grazie"/"please" allowed) or a one-letter typo of it, so
 * "annulla" cancels but "hanno annullato il mercato e c'è sporcizia" does not. Keywords shorter
 * than 4 letters ("no", "sì", "ok") must be exact, apart from repeated letters ("siii", "nooo").
 */
export function matchKeyword(input: string, keywords: Record<string, string[]>): string | undefined {
  const prepared = preparedKeywords(keywords);
  if (prepared.last?.input === input) return prepared.last.key;
  const key = matchPreparedKeyword(input, prepared.words);
  prepared.last = { input, key };
  return key;
}

function matchPreparedKeyword(input: string, words: readonly PreparedKeyword[]): string | undefined {
  const raw = input.trim();
  // Emoji keywords ("👍") have no letters left after normalisation: compare them as typed.
  if (raw !== '') for (const word of words) if (word.typed === raw) return word.key;

  const tokens = stripCourtesy(tokenize(stripCommandSyntax(input)));
  if (tokens.length === 0) return undefined;
  const message = tokens.join(' ');
  const collapsedMessage = collapseRepeats(message);

  let bestKey: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const { key, keyword, collapsed } of words) {
    if (!keyword) continue;
    const score = keyword === message ? 1 : collapsed === collapsedMessage ? 0.95 : typoSimilarity(message, keyword);
    if (score > bestScore) {
      bestKey = key;
      bestScore = score;
      tie = false;
    } else if (score > 0 && score === bestScore && key !== bestKey) {
      tie = true;
    }
  }
  return bestScore > 0 && !tie ? bestKey : undefined;
}
