/**
 * Reading a menu answer given as a number: "2", "2.", "n 2", "numero 2", "2️⃣", "due", "two",
 * "la seconda". Only a message that is nothing but the number counts: "due ragazzi al parco" is a
 * description, not option 2.
 */
import { typoSimilarity } from './fuzzy';

/** Index 0 is the word for 1. Cardinals and ordinals (masculine and feminine), Italian and English. */
const NUMBER_WORDS: readonly (readonly string[])[] = [
  ['uno', 'una', 'one', 'primo', 'prima', 'first'],
  ['due', 'two', 'secondo', 'seconda', 'second'],
  ['tre', 'three', 'terzo', 'terza', 'third'],
  ['quattro', 'four', 'quarto', 'quarta', 'fourth'],
  ['cinque', 'five', 'quinto', 'quinta', 'fifth'],
  ['sei', 'six', 'sesto', 'sesta', 'sixth'],
  ['sette', 'seven', 'settimo', 'settima', 'seventh'],
  ['otto', 'eight', 'ottavo', 'ottava', 'eighth'],
  ['nove', 'nine', 'nono', 'nona', 'ninth'],
  ['dieci', 'ten', 'decimo', 'decima', 'tenth'],
];

/** Words that may precede the number without changing its meaning ("il 2", "numero 2", "option 2"). */
const NUMBER_PREFIXES = new Set([
  'n',
  'nr',
  'num',
  'numero',
  'no',
  'number',
  'opzione',
  'option',
  'scelta',
  'choice',
  'il',
  'la',
  'lo',
  'l',
  'the',
  'risposta',
  'answer',
]);

const DIGITS = /^\d{1,3}$/;

/** The number a single token stands for: digits or a number word (a typo allowed on long words). */
export function numberFromToken(token: string): number | undefined {
  if (DIGITS.test(token)) return Number(token);
  for (let index = 0; index < NUMBER_WORDS.length; index++) {
    if (NUMBER_WORDS[index].includes(token)) return index + 1;
  }
  // "quatro", "cinqe", "sevn": only words of 5+ letters, where one edit cannot reach another number.
  if (token.length >= 5) {
    for (let index = 0; index < NUMBER_WORDS.length; index++) {
      if (NUMBER_WORDS[index].some((word) => word.length >= 5 && typoSimilarity(token, word) > 0)) {
        return index + 1;
      }
    }
  }
  return undefined;
}

/** The chosen number when the whole message is a number reference, else undefined. */
export function parseChoiceNumber(tokens: readonly string[]): number | undefined {
  let start = 0;
  // Skip prefixes, but never the last token: "no" alone is an answer, not a prefix.
  while (start < tokens.length - 1 && NUMBER_PREFIXES.has(tokens[start])) start++;
  if (tokens.length - start !== 1) return undefined;
  return numberFromToken(tokens[start]);
}

/** A message starting with digits followed by words ("2 spaccio", "3. vandalismo"). */
export function leadingDigits(tokens: readonly string[]): { value: number; rest: string[] } | undefined {
  if (tokens.length < 2 || !DIGITS.test(tokens[0])) return undefined;
  return { value: Number(tokens[0]), rest: tokens.slice(1) };
}
