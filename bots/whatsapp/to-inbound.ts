/**
 * whatsapp-web.js message -> InboundMessage. Decides what the bot ignores (groups, status updates,
 * its own messages, system notices), downloads and stores photos, and turns everything it cannot
 * use into `{ kind: 'other' }` so the dialog answers it politely.
 */
import type { InboundMessage, InboundPayload } from '../../src/domain/message';
import type { AudioStore, MediaStore } from '../../src/domain/ports';
import { audioPayload, refusedBeforeDownload, saveVoiceNote, type VoiceNoteLimits } from '../voice-note';
import type { WhatsappMessageLike } from './whatsapp-client';

export type IgnoreReason = 'own' | 'group' | 'status' | 'broadcast' | 'system';

/** WhatsApp's notices and protocol messages: nothing a citizen typed, never answered. */
const SYSTEM_TYPES = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'protocol',
  'revoked',
  'call_log',
  'ciphertext',
  'debug',
  'broadcast_notification',
  'reaction',
]);

/** Why a message is not for the bot, or undefined when it is. */
export function ignoreReason(msg: WhatsappMessageLike): IgnoreReason | undefined {
  if (msg.fromMe || msg.id?.fromMe) return 'own';
  if (msg.isStatus || msg.from === 'status@broadcast') return 'status';
  if (msg.from.endsWith('@g.us') || msg.id?.remote?.endsWith('@g.us')) return 'group';
  if (msg.broadcast || msg.from.endsWith('@broadcast') || msg.from.endsWith('@newsletter')) return 'broadcast';
  if (SYSTEM_TYPES.has(msg.type)) return 'system';
  return undefined;
}

/** `393331234567@c.us` -> `+393331234567`; undefined for anything that is not a phone jid. */
export function phoneFromJid(jid: string | undefined): string | undefined {
  const m = /^(\d{6,15})@(c\.us|s\.whatsapp\.net)$/.exec(jid ?? '');
  return m ? `+${m[1]}` : undefined;
}

function coordinate(value: string | number | undefined, limit: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

const SAVE_FAILURE = { too_large: 'too_large', not_an_image: 'not_an_image', empty: 'not_an_image' } as const;

async function photoPayload(msg: WhatsappMessageLike, media: MediaStore): Promise<InboundPayload> {
  const caption = msg.body?.trim() ? msg.body.trim() : undefined;
  const withCaption = caption ? { caption } : {};
  let downloaded;
  try {
    downloaded = await msg.downloadMedia();
  } catch {
    downloaded = undefined;
  }
  if (!downloaded?.data) return { kind: 'photo', failure: 'download_failed', ...withCaption };
  const saved = await media.saveImage(Buffer.from(downloaded.data, 'base64'));
  return saved.ok
    ? { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType, ...withCaption }
    : { kind: 'photo', failure: SAVE_FAILURE[saved.reason], ...withCaption };
}

/** Voice notes are read only with a speech-to-text server (SPEECH_TO_TEXT_URL). */
export type VoiceNoteOptions = { audio: AudioStore; limits: VoiceNoteLimits };

async function voiceNotePayload(msg: WhatsappMessageLike, voice: VoiceNoteOptions): Promise<InboundPayload> {
  const isVoice = msg.type === 'ptt';
  const declared = Number(msg.duration);
  const seconds = Number.isFinite(declared) && declared >= 0 ? declared : undefined;
  // The declared duration bounds the download; the bytes are bounded again by the store.
  const refused = refusedBeforeDownload(voice.limits, { seconds });
  if (refused) return audioPayload(isVoice, seconds, { failure: refused });
  let downloaded;
  try {
    downloaded = await msg.downloadMedia();
  } catch {
    downloaded = undefined;
  }
  if (!downloaded?.data) return audioPayload(isVoice, seconds, { failure: 'download_failed' });
  // base64: 4 characters per 3 bytes; refuse before decoding an oversized one.
  if (downloaded.data.length > (voice.limits.maxBytes * 4) / 3 + 4) return audioPayload(isVoice, seconds, { failure: 'too_large' });
  return saveVoiceNote(voice.audio, Buffer.from(downloaded.data, 'base64'), isVoice, seconds);
}

export async function toPayload(msg: WhatsappMessageLike, media: MediaStore, voice?: VoiceNoteOptions): Promise<InboundPayload> {
  if (voice && (msg.type === 'ptt' || msg.type === 'audio')) return voiceNotePayload(msg, voice);
  switch (msg.type) {
    case 'chat':
      return { kind: 'text', text: msg.body ?? '' };
    case 'location': {
      const lat = coordinate(msg.location?.latitude, 90);
      const lng = coordinate(msg.location?.longitude, 180);
      // A location without usable coordinates is as good as an unsupported message.
      if (lat === undefined || lng === undefined) return { kind: 'other', platformType: 'location' };
      const label = [msg.location?.name, msg.location?.address].filter(Boolean).join(', ');
      return { kind: 'location', point: { lat, lng }, ...(label ? { label } : {}) };
    }
    case 'image':
      return photoPayload(msg, media);
    default:
      // ptt, audio, video, document, sticker, vcard, multi_vcard, poll_creation, ...
      return { kind: 'other', platformType: msg.type || 'unknown' };
  }
}

export function toInboundMessage(msg: WhatsappMessageLike, payload: InboundPayload, sender: { phone?: string }): InboundMessage {
  const at = Number.isFinite(msg.timestamp) && msg.timestamp > 0 ? new Date(msg.timestamp * 1000) : new Date();
  return {
    channel: 'whatsapp',
    // The jid we must reply to, as WhatsApp gave it (an @lid stays an @lid).
    chatId: msg.from,
    messageId: msg.id._serialized,
    sender: { platformId: msg.from, ...(sender.phone ? { phone: sender.phone } : {}) },
    receivedAt: at,
    payload,
  };
}
