/**
 * Every word that works at any step, in every language, in one list: the engine's commands
 * (as `command:<name>`), "avvisi" and the data rights. One list, so that no word is mistaken for
 * another and a message is matched once per turn (the matcher remembers its last answer per list).
 */
import { COMMANDS } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { engineNlp } from './nlp';
import { promptsFor } from '../src/texts/citizen';

export type AnytimeWord = 'alerts' | 'myData' | 'export' | 'erase' | 'withdraw';

let words: Record<string, string[]> | undefined;

export function anytimeKeywords(): Record<string, string[]> {
  return (words ??= {
    alerts: LANGUAGES.flatMap((lang) => promptsFor(lang).alerts.words),
    ...Object.fromEntries(
      (['myData', 'export', 'erase', 'withdraw'] as const).map((k) => [k, LANGUAGES.flatMap((lang) => promptsFor(lang).rights.words[k])]),
    ),
    ...Object.fromEntries(COMMANDS.map((command) => [`command:${command}`, LANGUAGES.flatMap((lang) => promptsFor(lang).commandWords[command])])),
  });
}

/** Is this whole message the given word ("avvisi", «i miei dati»…)? */
export const isAnytimeWord = (text: string, word: AnytimeWord): boolean => engineNlp.matchKeyword(text, anytimeKeywords()) === word;
