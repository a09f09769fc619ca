/**
 * The bot's command menu (registered with setMyCommands) and how a /command becomes the word the
 * dialog understands: the dialog only reads text, so "/annulla" is simply "annulla".
 */
import type { Language } from './texts';
import { promptsFor } from '../../src/texts/citizen';
import type { TelegramCommand } from '../../src/texts/citizen/channels.types';

type CommandSpec = { command: TelegramCommand; word: string };

// Command names are the Italian words in every language (the issue names them so); English
// speakers also get their own words below, accepted when typed. Descriptions: src/texts/citizen.
const COMMANDS: CommandSpec[] = [
  { command: 'start', word: '' },
  { command: 'annulla', word: 'annulla' },
  { command: 'stato', word: 'stato' },
  { command: 'aiuto', word: 'aiuto' },
  { command: 'privacy', word: 'privacy' },
  { command: 'lingua', word: 'lingua' },
];

const ENGLISH_ALIASES: Record<string, string> = { cancel: 'cancel', status: 'status', help: 'help', language: 'language' };

/** The menu for one language, as setMyCommands wants it. */
export function commandMenu(language: Language): Array<{ command: string; description: string }> {
  return COMMANDS.map((c) => ({ command: c.command, description: promptsFor(language).channels.telegram.commands[c.command] }));
}

/**
 * The dialog text for a command message ("/annulla", "/annulla@VicinatoBot", "/start payload"),
 * or undefined when the text is not one of our commands (it is then passed on unchanged).
 * /start is first contact: a greeting in the citizen's app language, which the dialog answers
 * with its welcome (or with where the citizen is, mid-dialog).
 */
export function commandToText(text: string, languageCode?: string): string | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  if (name === 'start') return languageCode?.toLowerCase().startsWith('en') ? 'hello' : 'ciao';
  const spec = COMMANDS.find((c) => c.command === name);
  return spec?.word ?? ENGLISH_ALIASES[name];
}
