/**
 * Offered answers as a reply keyboard. A tapped button sends its label as the citizen's own text,
 * which the dialog matches like a typed answer and which stays readable in the chat. A location
 * request adds Telegram's "send my location" button (request_location works in private chats,
 * the only chats the bot talks in). A message without choices removes any keyboard still shown.
 */
import type { ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { OutboundMessage } from '../../src/domain/message';
import { LOCATION_BUTTON } from './texts';

type KeyboardButton = ReplyKeyboardMarkup['keyboard'][number][number];

const SHORT_LABEL = 16;

/** Short labels two to a row when there are many of them; otherwise one per row. */
function rows(labels: string[]): string[][] {
  const compact = labels.length > 3 && labels.every((l) => [...l].length <= SHORT_LABEL);
  if (!compact) return labels.map((l) => [l]);
  const out: string[][] = [];
  for (let i = 0; i < labels.length; i += 2) out.push(labels.slice(i, i + 2));
  return out;
}

/** The location button is labelled in the message's own language (Italian when a record has none). */
export function replyMarkupFor(
  msg: Pick<OutboundMessage, 'text' | 'choices' | 'requestLocation' | 'language'>,
): ReplyKeyboardMarkup | ReplyKeyboardRemove {
  const choices = (msg.choices ?? []).filter((c) => c.trim());
  if (!choices.length && !msg.requestLocation) return { remove_keyboard: true };
  const keyboard: KeyboardButton[][] = [];
  if (msg.requestLocation) keyboard.push([{ text: LOCATION_BUTTON[msg.language ?? 'it'], request_location: true }]);
  for (const row of rows(choices)) keyboard.push(row.map((text) => ({ text })));
  return { keyboard, resize_keyboard: true, one_time_keyboard: true };
}
