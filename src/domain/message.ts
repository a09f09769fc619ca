/**
 * The one shape every channel's messages are normalised into, and the one shape of what the bot
 * says back. The dialog engine only ever sees these: never a platform type.
 */

export const CHANNELS = ['telegram', 'whatsapp', 'whatsapp-cloud', 'simulator'] as const;
export type Channel = (typeof CHANNELS)[number];

export type GeoPoint = { lat: number; lng: number };

export type InboundPayload =
  | { kind: 'text'; text: string }
  /** A location pin; `label` is the place name or address the platform attached, if any. */
  | { kind: 'location'; point: GeoPoint; label?: string }
  /**
   * A photo. `mediaRef` points at bytes already saved in the media store (police only);
   * `caption` is the text sent with it. `mediaRef` is absent when the download failed.
   */
  | { kind: 'photo'; mediaRef?: string; mimeType?: string; caption?: string; failure?: string }
  /**
   * A voice note (`voice`) or an audio file, only when voice notes are on (SPEECH_TO_TEXT_URL; else
   * it is `other`). `mediaRef` points at bytes in the audio store (police only); `failure` says why
   * there are none. The worker adds `transcript`, or `transcriptFailure`, before the dialog sees it.
   */
  | {
      kind: 'audio';
      voice: boolean;
      mediaRef?: string;
      mimeType?: string;
      /** Duration the platform declared, in seconds. */
      seconds?: number;
      failure?: AudioFailure;
      transcript?: string;
      transcriptFailure?: TranscriptFailure;
    }
  /** Anything the dialog cannot use (sticker, voice note without SPEECH_TO_TEXT_URL, video, document, contact...). */
  | { kind: 'other'; platformType: string };

/** Why a voice note's bytes are not stored: bounded before download (size, declared duration). */
export type AudioFailure = 'too_large' | 'too_long' | 'download_failed' | 'not_audio';
/** Why a stored voice note has no transcript: too long by its content, nothing heard, server slow or down. */
export type TranscriptFailure = 'too_long' | 'empty' | 'failed' | 'unavailable';

export type InboundMessage = {
  channel: Channel;
  /** The conversation on its channel (Telegram chat id, WhatsApp jid, simulator chat id). */
  chatId: string;
  /** The platform's own message id: unique per channel, the deduplication key. */
  messageId: string;
  /** Who sent it, as the platform names them: stays in the identity store. */
  sender: { platformId: string; displayName?: string; phone?: string; username?: string; languageCode?: string };
  receivedAt: Date;
  payload: InboundPayload;
};

/** The languages a citizen can read: Italian (the default) and English. */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type OutboundMessage = {
  channel: Channel;
  chatId: string;
  text: string;
  /** Offered answers, shown as keyboard/buttons or as a numbered menu where the channel has none. */
  choices?: string[];
  /** Ask for a location pin (Telegram's request_location button; text elsewhere). */
  requestLocation?: boolean;
  /**
   * The language the text is written in: adapters label their own additions (Telegram's location
   * button, WhatsApp's location hint) in it and never guess. Absent on old records: Italian.
   */
  language?: Language;
  /** Why this message is sent: 'dialog' replies vs 'status-update' notifications (WhatsApp 24 h window rules). */
  purpose?: 'dialog' | 'status-update' | 'advisory';
  /** Report this message is about, for the timeline. */
  reportId?: string;
  /** Advisory this message carries (purpose 'advisory'), for the advisory's delivery counts. */
  advisoryId?: string;
  /** Stable id for idempotent delivery: the same id is never sent twice. */
  outboundId: string;
  /** The inbound message this replies to (dialog replies), so a caller can wait for its answers. */
  inReplyTo?: string;
};
