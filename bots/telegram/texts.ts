/**
 * The few words the Telegram adapter itself shows (everything else comes from the dialog):
 * the location button, the group-chat notice and the command menu. Italian first, English second.
 */
import type { Language } from '../../src/domain/message';

export type { Language };

export const LOCATION_BUTTON: Record<Language, string> = {
  it: '📍 Invia la mia posizione',
  en: '📍 Send my location',
};

/** Shown once in a group: the bot works in private chat only. Both languages, a group is mixed. */
export function groupNotice(botUsername?: string): string {
  const link = botUsername ? ` https://t.me/${botUsername}` : '';
  return [
    `Questo bot funziona solo in chat privata: scrivimi direttamente${link}. Qui non raccolgo nulla. Per le emergenze chiama il 112.`,
    `This bot works in private chat only: message me directly${link}. I collect nothing here. In an emergency call 112.`,
  ].join('\n\n');
}
