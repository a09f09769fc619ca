/**
 * Finds configured terms and phrases ("pistola", "rapina in corso", "di notte") in free text.
 * Used for emergency and urgency detection, where a false hit inside an unrelated word is worse
 * than useless: terms match whole tokens only, stems and typos only where the term allows it.
 */
import type { TermDefinition, TermMatcherConfig } from '../../config/term-lists';
import { damerauLevenshtein } from './fuzzy';
import { isStopword } from './stopwords';
import { stemToken, tokenize } from './text';

export type { TermDefinition, TermMatcherConfig };

/** Words between two words of a phrase that are still the same phrase ("rapina ancora in corso"). */
const MAX_GAP = 1;
const MIN_STEM_LENGTH = 4;
const MIN_TYPO_LENGTH = 6;
/** A token removed by an exclusion: matches nothing and is not bridged by a phrase gap. */
const BLOCKED = '\u0000';

type CompiledPhrase = { term: string; tokens: string[]; stem: boolean; typos: boolean };
type Found = { term: string; start: number; end: number };

function tokenMatches(token: string, wanted: string, phrase: CompiledPhrase): boolean {
  if (token === wanted) return true;
  if (token === BLOCKED || isStopword(token) || isStopword(wanted)) return false;
  if (phrase.stem) {
    const stem = stemToken(wanted);
    if (stem.length >= MIN_STEM_LENGTH && stemToken(token) === stem) return true;
  }
  return (
    phrase.typos &&
    Math.min(token.length, wanted.length) >= MIN_TYPO_LENGTH &&
    token.slice(0, 2) === wanted.slice(0, 2) &&
    Math.abs(token.length - wanted.length) <= 1 &&
    damerauLevenshtein(token, wanted) <= 1
  );
}

/** First occurrence of the phrase starting anywhere: each next word within MAX_GAP tokens. */
function findPhrase(tokens: readonly string[], phrase: CompiledPhrase): Found | undefined {
  for (let start = 0; start < tokens.length; start++) {
    if (!tokenMatches(tokens[start], phrase.tokens[0], phrase)) continue;
    let position = start;
    let complete = true;
    for (const wanted of phrase.tokens.slice(1)) {
      let next = -1;
      for (let candidate = position + 1; candidate <= position + 1 + MAX_GAP && candidate < tokens.length; candidate++) {
        if (tokens[candidate] === BLOCKED) break;
        if (tokenMatches(tokens[candidate], wanted, phrase)) {
          next = candidate;
          break;
        }
      }
      if (next < 0) {
        complete = false;
        break;
      }
      position = next;
    }
    if (complete) return { term: phrase.term, start, end: position };
  }
  return undefined;
}

function compile(definition: TermDefinition): CompiledPhrase[] {
  const stem = definition.stem ?? true;
  const typos = definition.typos ?? true;
  return [definition.term, ...(definition.variants ?? [])]
    .map((text) => ({ term: definition.term, tokens: tokenize(text), stem, typos }))
    .filter((phrase) => phrase.tokens.length > 0);
}

/** Compile once; the returned function lists the canonical terms found, in order of appearance. */
export function createTermMatcher(config: TermMatcherConfig): (text: string) => string[] {
  const phrases = config.terms.flatMap(compile);
  // Exclusions match exactly or by stem, never by typo: they must not swallow real alarms.
  const exclusions = (config.exclusions ?? []).map((text) => ({ term: text, tokens: tokenize(text), stem: true, typos: false }));

  return (text: string) => {
    const tokens = tokenize(text);
    for (const exclusion of exclusions) {
      let found = findPhrase(tokens, exclusion);
      while (found) {
        for (let i = found.start; i <= found.end; i++) tokens[i] = BLOCKED;
        found = findPhrase(tokens, exclusion);
      }
    }

    const found = phrases.map((phrase) => findPhrase(tokens, phrase)).filter((hit): hit is Found => !!hit);
    // A hit inside a longer hit is the same mention ("now" inside "right now").
    const kept = found.filter(
      (hit) =>
        !found.some(
          (other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start,
        ),
    );
    kept.sort((a, b) => a.start - b.start);
    return [...new Set(kept.map((hit) => hit.term))];
  };
}
