/**
 * Every word that works at any step, in every language, in one list: the engine's commands
 * (as `command:<name>`), "avvisi" and the data rights. One list, so that no word is mistaken for
 * another and a message is matched once per turn (the matcher remembers its last answer per list).
 */
import { COMMANDS } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { engineNlp } from './nlp';
import { promptsFor } from '../src/texts/citizen';
import { dataRightsRequestOf } from '../src/nlp/data-rights-request';
import { isStatusRequest } from '../src/nlp/status-request';

export type AnytimeWord = 'alerts' | 'myData' | 'export' | 'erase' | 'withdraw';

let words: Record<string, string[]> | undefined;

export function anytimeKeywords(): Record<string, string[]> {
  return (words ??= {
    alerts: LANGUAGES.flatMap((lang) => promptsFor(lang).alerts.words),
    ...Object.fromEntries(
      (['myData', 'export', 'erase', 'withdraw'] as const).map((k) => [k, LANGUAGES.flatMap((lang) => promptsFor(lang).rights.words[k])]),
    ),
    ...Object.fromEntries(
      COMMANDS.map((command) => [`command:${command}`, LANGUAGES.flatMap((lang) => promptsFor(lang).commandWords[command])]),
    ),
  });
}

const MENU_NUMBER = /^\s*\d{1,3}\s*[.)]?\s*$/;
let numericWord: boolean | undefined;

/**
 * The any-time word this whole message is, if any; a data-rights request or a status question in
 * the citizen's own words ("cosa sapete di me?", «a che punto è?») counts as its word. A menu
 * number ("1", "2.") is none of them unless some word is a number (none is today): the matcher
 * is then not asked.
 */
export function anytimeWordOf(text: string): string | undefined {
  numericWord ??= Object.values(anytimeKeywords()).some((list) => list.some((word) => /\d/.test(word)));
  if (!numericWord && MENU_NUMBER.test(text)) return undefined;
  if (text.length > SHORT_TEXT) return engineNlp.matchKeyword(text, anytimeKeywords()) ?? ownWordsRequestOf(text);
  // Short answers ("Invia", "sì", "Accetto") come back all day from every citizen: remembered.
  if (answers.has(text)) return answers.get(text);
  const word = engineNlp.matchKeyword(text, anytimeKeywords()) ?? ownWordsRequestOf(text);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(text, word);
  return word;
}

/** A request asked in a sentence rather than with the exact word. */
const ownWordsRequestOf = (text: string): string | undefined =>
  dataRightsRequestOf(text) ?? (isStatusRequest(text) ? 'command:status' : undefined);

const SHORT_TEXT = 40;
const MAX_ANSWERS = 5_000;
const answers = new Map<string, string | undefined>();

/** Is this whole message the given word ("avvisi", «i miei dati»…)? */
export const isAnytimeWord = (text: string, word: AnytimeWord): boolean => anytimeWordOf(text) === word;
