/**
 * Understanding a citizen's answer to a numbered menu ("2", "due", "spaccio", "ho visto dello
 * spacio") and recognising global commands ("annulla", "/aiuto", "indietro").
 */
import { prepareLabel, scoreLabelsWith, tokenSimilarity, type LabelScore, type PreparedLabel } from './label-scorer';
import { leadingDigits, parseChoiceNumber } from './number-choice';
import { isKnownWord, typoSimilarity, vocabularyOf } from './fuzzy';
import { isStopword } from './stopwords';
import { stemToken, tokenize } from './text';

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

/**
 * A menu prepared for matching (once per options array: menus are built once): every key word of
 * every label once, the labels each word belongs to, and the words known to be spelled right.
 */
type MenuIndex = {
  keyWords: readonly string[];
  /** The stem of each key word, same order. */
  keyStems: readonly string[];
  labelsByWord: ReadonlyMap<string, ReadonlyArray<readonly [option: number, label: PreparedLabel]>>;
  known: ReturnType<typeof vocabularyOf>;
  /** A message word's similar key words (typos allowed or not), remembered: words come back all day. */
  similar: Map<string, ReadonlyMap<string, number>>;
};

const SIMILAR_CACHE_LIMIT = 20_000;
const menuIndexCache = new WeakMap<readonly ChoiceOption[], MenuIndex>();

function menuIndex(options: readonly ChoiceOption[]): MenuIndex {
  let index = menuIndexCache.get(options);
  if (!index) {
    const labelsByWord = new Map<string, Array<readonly [number, PreparedLabel]>>();
    options.forEach((option, position) => {
      for (const label of preparedLabels(option)) {
        for (const word of label.keyTokens) {
          const list = labelsByWord.get(word) ?? [];
          list.push([position, label]);
          labelsByWord.set(word, list);
        }
      }
    });
    const keyWords = [...labelsByWord.keys()];
    const known = vocabularyOf([...keyWords, ...options.flatMap((option) => option.knownWords ?? [])]);
    index = { keyWords, keyStems: keyWords.map(stemToken), labelsByWord, known, similar: new Map() };
    menuIndexCache.set(options, index);
  }
  return index;
}

/** The menu's key words like this message word, with their similarity (only the non-zero ones). */
function similarKeyWords(index: MenuIndex, token: string, typos: boolean): ReadonlyMap<string, number> {
  const cacheKey = `${typos ? 't' : 'k'}${token}`;
  let similar = index.similar.get(cacheKey);
  if (!similar) {
    const found = new Map<string, number>();
    if (isStopword(token)) {
      if (index.labelsByWord.has(token)) found.set(token, 1);
    } else {
      const stem = stemToken(token);
      index.keyWords.forEach((word, position) => {
        // Cheap pre-check of what tokenSimilarity can accept (a typo changes the length by at most
        // 2 and keeps the first or the second letter; an inflection shares the stem or starts with
        // it): most pairs stop here.
        const keyStem = index.keyStems[position];
        const possible =
          (Math.abs(word.length - token.length) <= 2 && (word[0] === token[0] || word[1] === token[1])) ||
          keyStem === stem ||
          word.startsWith(stem) ||
          token.startsWith(keyStem);
        if (!possible) return;
        const similarity = tokenSimilarity(token, word, typos);
        if (similarity > 0) found.set(word, similarity);
      });
    }
    if (index.similar.size >= SIMILAR_CACHE_LIMIT) index.similar.clear();
    index.similar.set(cacheKey, found);
    similar = found;
  }
  return similar;
}

/**
 * Every option's best label score for these message tokens, best first. A message token that is a
 * word of the menu itself (exactly or by stem) is what the citizen meant: it does not also count as
 * a typo of another option's word ("youngsters selling weed" is about "selling", not a misspelt
 * "yelling"). Only the labels sharing a word with the message are scored.
 */
export function scoreChoiceOptions(tokens: readonly string[], options: readonly ChoiceOption[]): ScoredOption[] {
  const index = menuIndex(options);
  const similarities = tokens.map((token) => similarKeyWords(index, token, isStopword(token) || !isKnownWord(token, index.known)));
  const candidates = options.map(() => new Set<PreparedLabel>());
  for (const similar of similarities) {
    for (const word of similar.keys()) for (const [option, label] of index.labelsByWord.get(word) ?? []) candidates[option].add(label);
  }
  const similarity = (position: number, word: string) => similarities[position].get(word) ?? 0;
  return options
    .map((option, position) => ({ id: option.id, ...scoreLabelsWith(tokens.length, candidates[position], similarity, ACCEPT_SCORE) }))
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
  // A rival only echoing a better option's words is none ("spacciano" also looks like "spaccano").
  const rivals = scored
    .slice(1)
    .filter(
      (option, index) =>
        option.score >= best.score - AMBIGUITY_MARGIN && !scored.slice(0, index + 1).some((better) => isDominated(option, better)),
    );
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
