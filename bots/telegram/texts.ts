/**
 * The few words the Telegram adapter itself shows (everything else comes from the dialog): the
 * location button, the group-chat notice and the command menu. The wording is in src/texts/citizen
 * (channels.it.ts, channels.en.ts).
 */
import type { Language } from '../../src/domain/message';
import { promptsFor } from '../../src/texts/citizen';

export type { Language };

export const LOCATION_BUTTON: Record<Language, string> = {
  it: promptsFor('it').channels.telegram.locationButton,
  en: promptsFor('en').channels.telegram.locationButton,
};

/** Shown once in a group: the bot works in private chat only. Both languages, a group is mixed. */
export function groupNotice(botUsername?: string): string {
  const link = botUsername ? ` https://t.me/${botUsername}` : '';
  return [promptsFor('it').channels.telegram.groupNotice(link), promptsFor('en').channels.telegram.groupNotice(link)].join('\n\n');
}
