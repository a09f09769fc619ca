/**
 * The narrow seam between the channel and whatsapp-web.js: exactly the part of `Client`, `Chat` and
 * `Message` the channel uses, with the library's own event names and method signatures. The real
 * `Client` satisfies it (checked at compile time in wwebjs-client.factory.ts); tests pass a fake
 * object implementing the same subset.
 */

/** whatsapp-web.js `MessageMedia`: base64 bytes of an attachment. */
export type WhatsappMedia = { mimetype: string; data: string; filename?: string | null; filesize?: number | null };

/** The part of whatsapp-web.js `Message` the channel reads. */
export type WhatsappMessageLike = {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  /** The chat: `<phone>@c.us`, `<lid>@lid`, `<id>@g.us` (group), `status@broadcast`... */
  from: string;
  /** Set on group messages: the member who wrote. */
  author?: string;
  /** chat, location, image, ptt, audio, video, document, sticker, vcard, ... (MessageTypes). */
  type: string;
  /** Text, or the caption of a media message. */
  body: string;
  fromMe: boolean;
  isStatus: boolean;
  broadcast: boolean;
  hasMedia: boolean;
  /** On `location` messages; the library passes the coordinates through as they come (often strings). */
  location?: { latitude: string | number; longitude: string | number; name?: string; address?: string; description?: string };
  /** Unix time in seconds. */
  timestamp: number;
  /** Seconds, on `ptt` (voice note), `audio` and video messages; the library passes a string. */
  duration?: string | number;
  /** Resolves to null/undefined when the media is no longer available. */
  downloadMedia(): Promise<WhatsappMedia | null | undefined>;
};

/** whatsapp-web.js `MessageSearchOptions`. */
export type WhatsappMessageSearchOptions = {
  /** The most recent `limit` messages (the library loads earlier ones as needed). */
  limit?: number;
  /** Only our messages (true) or only the other side's (false); both when undefined. */
  fromMe?: boolean;
};

/** The part of whatsapp-web.js `Chat` the catch-up on `ready` uses. */
export type WhatsappChatLike = {
  /** `_serialized` is the chat jid: `<phone>@c.us`, `<lid>@lid`, `<id>@g.us`, `<id>@newsletter`... */
  id: { _serialized: string };
  isGroup: boolean;
  /** Incoming messages not read yet (0 when read; WhatsApp uses -1 for "marked as unread"). */
  unreadCount: number;
  /** Unix time in seconds of the chat's last activity. */
  timestamp: number;
  /** Resolves to messages of this chat, notifications excluded (not always sorted: sort them). */
  fetchMessages(searchOptions: WhatsappMessageSearchOptions): Promise<WhatsappMessageLike[]>;
  /** Marks the chat as read on the phone (blue ticks for the sender). */
  sendSeen(): Promise<boolean>;
};

/** whatsapp-web.js `MessageSendOptions`, the options we pass. */
export type WhatsappSendOptions = { linkPreview?: boolean };

/** The part of whatsapp-web.js `Client` the channel uses. */
export interface WhatsappClientLike {
  on(event: 'qr', listener: (qr: string) => void): this;
  on(event: 'authenticated', listener: () => void): this;
  on(event: 'auth_failure', listener: (message: string) => void): this;
  on(event: 'ready', listener: () => void): this;
  on(event: 'message', listener: (message: WhatsappMessageLike) => void): this;
  on(event: 'disconnected', listener: (reason: string) => void): this;
  /** Launches the browser and opens WhatsApp Web; login progress arrives as events. */
  initialize(): Promise<void>;
  /** Closes the browser. */
  destroy(): Promise<void>;
  /** Resolves to the sent message (null for chats the library refuses to send to). */
  sendMessage(chatId: string, content: string, options?: WhatsappSendOptions): Promise<{ id: { _serialized: string } } | null>;
  /** Maps `@lid` / `@c.us` ids to both forms; `pn` is missing when WhatsApp does not reveal it. */
  getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]>;
  /** Every chat WhatsApp Web has loaded (private, groups, broadcasts...). */
  getChats(): Promise<WhatsappChatLike[]>;
}

/** Builds a fresh client: one per connection attempt (a destroyed client cannot be reused). */
export type WhatsappClientFactory = () => Promise<WhatsappClientLike>;
