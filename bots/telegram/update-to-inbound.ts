/**
 * Turns a Bot API update into what the channel must do with it: an InboundMessage to store (with,
 * for photos, the file still to fetch), a one-time notice for a group, a blocked bot, or nothing.
 * Pure: no I/O, so every kind of update is unit-tested.
 */
import type { InboundMessage, InboundPayload } from '../../src/domain/message';
import { commandToText } from './commands';
import type { TelegramMessage, TelegramUpdate, TelegramUser } from './update.schema';
import { isImageFile } from '../image-file';

/** A picture still on Telegram's servers: downloaded and checked before the message is stored. */
export type MediaToFetch = {
  fileId: string;
  fileSize?: number;
  caption?: string;
  /** Set for a voice note or audio file (voice notes on): fetched into the audio store, not the photos. */
  audio?: { voice: boolean; seconds?: number };
};

/** How the adapter is configured: voice notes become audio only with a speech-to-text server. */
export type PlanOptions = { voiceNotes?: boolean };

export type UpdatePlan =
  | { kind: 'inbound'; message: InboundMessage; media?: MediaToFetch; callbackQueryId?: string }
  /** Something from a group or channel: explain once that the bot works in private chats; store nothing. */
  | { kind: 'group-notice'; chatId: string; callbackQueryId?: string }
  /** The citizen blocked the bot (my_chat_member "kicked" in a private chat). */
  | { kind: 'blocked'; chatId: string }
  | { kind: 'ignore'; reason: string; callbackQueryId?: string };

// Content a citizen can send that the dialog cannot use, checked in this order (an animation also
// carries a `document`, so it comes before the document check).
const OTHER_CONTENT = [
  'animation',
  'sticker',
  'voice',
  'video',
  'video_note',
  'audio',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
  'paid_media',
];

/**
 * The inbox key of a message. `${chat.id}:${message_id}` is unique for ever within the bot (message
 * ids are per chat), and the same on every redelivery; update_id is not, since Telegram may
 * restart its sequence at random after a week without updates.
 */
export const messageKey = (chatId: number, messageId: number) => `${chatId}:${messageId}`;
export const callbackKey = (callbackQueryId: string) => `cb:${callbackQueryId}`;

function senderOf(from: TelegramUser | undefined, chatId: number): InboundMessage['sender'] {
  if (!from) return { platformId: String(chatId) };
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ') || undefined;
  return {
    platformId: String(from.id),
    ...(displayName ? { displayName } : {}),
    ...(from.username ? { username: from.username } : {}),
    ...(from.language_code ? { languageCode: from.language_code } : {}),
  };
}

function payloadOf(msg: TelegramMessage, options: PlanOptions): { payload: InboundPayload; media?: MediaToFetch } | undefined {
  const caption = msg.caption?.trim() || undefined;
  if (typeof msg.text === 'string') {
    const command = commandToText(msg.text, msg.from?.language_code);
    return { payload: { kind: 'text', text: command ?? msg.text } };
  }
  if (msg.venue) {
    const label = [msg.venue.title, msg.venue.address].filter(Boolean).join(', ') || undefined;
    const point = { lat: msg.venue.location.latitude, lng: msg.venue.location.longitude };
    return { payload: { kind: 'location', point, ...(label ? { label } : {}) } };
  }
  if (msg.location) return { payload: { kind: 'location', point: { lat: msg.location.latitude, lng: msg.location.longitude } } };
  if (msg.photo?.length) {
    // Sizes come smallest first; pick by pixels anyway rather than trust the order.
    const largest = msg.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return {
      payload: { kind: 'photo', ...(caption ? { caption } : {}) },
      media: { fileId: largest.file_id, fileSize: largest.file_size, caption },
    };
  }
  const sound = options.voiceNotes ? (msg.voice ?? msg.audio) : undefined;
  if (sound) {
    const audio = { voice: Boolean(msg.voice), ...(sound.duration !== undefined ? { seconds: sound.duration } : {}) };
    return { payload: { kind: 'audio', ...audio }, media: { fileId: sound.file_id, fileSize: sound.file_size, audio } };
  }
  const otherType = OTHER_CONTENT.find((key) => key in msg);
  if (otherType) return { payload: { kind: 'other', platformType: otherType } };
  if (msg.document) {
    const doc = msg.document;
    // An image sent "as a file" (uncompressed) is still a photo; the media store checks the content.
    if (isImageFile({ mimeType: doc.mime_type, fileName: doc.file_name }))
      return {
        payload: { kind: 'photo', ...(caption ? { caption } : {}) },
        media: { fileId: doc.file_id, fileSize: doc.file_size, caption },
      };
    return { payload: { kind: 'other', platformType: 'document' } };
  }
  // Service messages (pinned message, auto-delete timer, ...) carry nothing the citizen said.
  return undefined;
}

export function planUpdate(update: TelegramUpdate, now: Date, options: PlanOptions = {}): UpdatePlan {
  const msg = update.message;
  if (msg) {
    if (msg.chat.type !== 'private') return { kind: 'group-notice', chatId: String(msg.chat.id) };
    if (msg.from?.is_bot) return { kind: 'ignore', reason: 'message from a bot' };
    const content = payloadOf(msg, options);
    if (!content) return { kind: 'ignore', reason: 'service message' };
    return {
      kind: 'inbound',
      message: {
        channel: 'telegram',
        chatId: String(msg.chat.id),
        messageId: messageKey(msg.chat.id, msg.message_id),
        sender: senderOf(msg.from, msg.chat.id),
        // Platform time (seconds): the inbox orders a chat's messages by it, then by storage order.
        receivedAt: new Date(msg.date * 1000),
        payload: content.payload,
      },
      ...(content.media ? { media: content.media } : {}),
    };
  }

  const query = update.callback_query;
  if (query) {
    const chat = query.message?.chat;
    if (!chat) return { kind: 'ignore', reason: 'callback query without a chat', callbackQueryId: query.id };
    if (chat.type !== 'private') return { kind: 'group-notice', chatId: String(chat.id), callbackQueryId: query.id };
    if (typeof query.data !== 'string' || !query.data.trim())
      return { kind: 'ignore', reason: 'callback query without data', callbackQueryId: query.id };
    return {
      kind: 'inbound',
      callbackQueryId: query.id,
      message: {
        channel: 'telegram',
        chatId: String(chat.id),
        messageId: callbackKey(query.id),
        sender: senderOf(query.from, chat.id),
        // A callback query carries no time of its own.
        receivedAt: now,
        payload: { kind: 'text', text: query.data },
      },
    };
  }

  const member = update.my_chat_member;
  if (member) {
    const status = member.new_chat_member.status;
    if (member.chat.type === 'private') {
      return status === 'kicked'
        ? { kind: 'blocked', chatId: String(member.chat.id) }
        : { kind: 'ignore', reason: `bot ${status} in private chat` };
    }
    if (status === 'member' || status === 'administrator') return { kind: 'group-notice', chatId: String(member.chat.id) };
    return { kind: 'ignore', reason: `bot ${status} in a group` };
  }
  return { kind: 'ignore', reason: 'update type not handled' };
}
