/**
 * A fake whatsapp-web.js Client: exactly the WhatsappClientLike subset (same event names, same
 * method signatures), driven by the test like a phone and WhatsApp's servers would drive the real
 * one. Messages it emits have the real Message's shape (id._serialized, from, type, body,
 * location with string coordinates, hasMedia, downloadMedia(), timestamp...). The chats and their
 * history belong to a FakeWhatsappAccount that outlives clients, as WhatsApp keeps them on the phone.
 */
import { EventEmitter } from 'node:events';
import type {
  WhatsappChatLike,
  WhatsappClientFactory,
  WhatsappClientLike,
  WhatsappMedia,
  WhatsappMessageLike,
  WhatsappMessageSearchOptions,
  WhatsappSendOptions,
} from '../../bots/whatsapp/whatsapp-client';

export type SentMessage = { chatId: string; content: string; options?: WhatsappSendOptions; id: string };

type ChatState = { id: string; unreadCount: number; timestamp: number; messages: WhatsappMessageLike[] };

/** A copy, as whatsapp-web.js builds a new Message object for every event and every fetch. */
const copyOf = (m: WhatsappMessageLike): WhatsappMessageLike => ({ ...m, id: { ...m.id } });

/**
 * One WhatsApp number as the phone and WhatsApp's servers hold it: every chat with its history and
 * unread count. Messages reach it whether or not a client is connected; only a connected client
 * turns them into `message` events.
 */
export class FakeWhatsappAccount {
  private readonly chats = new Map<string, ChatState>();

  private chat(id: string): ChatState {
    let chat = this.chats.get(id);
    if (!chat) this.chats.set(id, (chat = { id, unreadCount: 0, timestamp: 0, messages: [] }));
    return chat;
  }

  /**
   * A message reaches the phone (not a client): it is unread in its chat until the chat is read.
   * A chat holds a message once (a second delivery of the same id changes nothing).
   */
  receive(message: WhatsappMessageLike): WhatsappMessageLike {
    const chat = this.chat(message.id.remote);
    if (chat.messages.some((m) => m.id._serialized === message.id._serialized)) return message;
    chat.messages.push(copyOf(message));
    chat.timestamp = Math.max(chat.timestamp, message.timestamp);
    if (message.fromMe) chat.unreadCount = 0;
    else chat.unreadCount = Math.max(chat.unreadCount, 0) + 1;
    return message;
  }

  /** The chat is read (on the phone, by sendSeen, or by sending to it). */
  markSeen(chatId: string) {
    const chat = this.chats.get(chatId);
    if (!chat) return false;
    chat.unreadCount = 0;
    return true;
  }

  unreadCount(chatId: string) {
    return this.chats.get(chatId)?.unreadCount ?? 0;
  }

  /** The Chat objects getChats() resolves to: a snapshot of the chat, methods reading the live one. */
  snapshot(client: FakeWhatsappClient): WhatsappChatLike[] {
    return [...this.chats.values()].map((chat) => {
      const [user, server] = chat.id.split('@');
      return {
        id: { server, user, _serialized: chat.id },
        name: user,
        isGroup: server === 'g.us',
        isReadOnly: false,
        unreadCount: chat.unreadCount,
        timestamp: chat.timestamp,
        archived: false,
        pinned: false,
        // Like whatsapp-web.js's Chat.fetchMessages: filter on fromMe, keep the latest `limit`
        // (sorted by time only when trimming), as new Message objects.
        fetchMessages: async (options: WhatsappMessageSearchOptions) => {
          client.assertOpen();
          client.fetchCalls.push({ chatId: chat.id, options });
          let msgs = chat.messages.filter((m) => options?.fromMe === undefined || m.id.fromMe === options.fromMe);
          if (options?.limit && options.limit > 0 && msgs.length > options.limit) {
            msgs = [...msgs].sort((a, b) => (a.timestamp > b.timestamp ? 1 : -1)).slice(msgs.length - options.limit);
          }
          return msgs.map(copyOf);
        },
        sendSeen: async () => {
          client.assertOpen();
          client.sendSeenCalls.push(chat.id);
          return this.markSeen(chat.id);
        },
      };
    });
  }
}

export class FakeWhatsappClient extends EventEmitter implements WhatsappClientLike {
  readonly sent: SentMessage[] = [];
  initializeCalls = 0;
  destroyed = false;
  /** What initialize() does: resolve (login progress then comes from the test) or reject. */
  initializeError?: Error;
  /** The next N sendMessage calls reject like a browser that lost its page. */
  failNextSends = 0;
  /** The next N getChats calls reject like a page that is not loaded. */
  failNextGetChats = 0;
  /** When set, getChats() waits for it after taking its snapshot (lets a test interleave live events). */
  holdGetChats?: Promise<void>;
  getChatsCalls = 0;
  /** Chats marked read through Chat.sendSeen(), in order. */
  readonly sendSeenCalls: string[] = [];
  /** Every fetchMessages call, for tests that check what was read back. */
  readonly fetchCalls: { chatId: string; options: WhatsappMessageSearchOptions }[] = [];
  /** @lid -> phone jid, as WhatsApp would reveal it. */
  readonly lidToPhone = new Map<string, string>();
  private seq = 0;

  /** `account`: the number's chats, shared with the other clients of the same factory. */
  constructor(readonly account = new FakeWhatsappAccount()) {
    super();
  }

  assertOpen() {
    if (this.destroyed) throw new Error('Protocol error: Session closed. Most likely the page has been closed.');
  }

  async initialize(): Promise<void> {
    this.initializeCalls++;
    if (this.initializeError) throw this.initializeError;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, content: string, options?: WhatsappSendOptions) {
    this.assertOpen();
    if (this.failNextSends > 0) {
      this.failNextSends--;
      throw new Error('Evaluation failed: Error: sendMessage failed');
    }
    const key = `3EB0${(++this.seq).toString(16).padStart(16, '0').toUpperCase()}`;
    const id = `true_${chatId}_${key}`;
    this.sent.push({ chatId, content, options, id });
    // Our message joins the chat's history, and (whatsapp-web.js's sendSeen option, true by
    // default) the chat is marked read.
    this.account.receive(ownMessage(chatId, content, key));
    this.account.markSeen(chatId);
    return { id: { _serialized: id } };
  }

  async getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]> {
    return userIds.map((id) => ({ lid: id, pn: this.lidToPhone.get(id) as string }));
  }

  async getChats(): Promise<WhatsappChatLike[]> {
    this.assertOpen();
    this.getChatsCalls++;
    if (this.failNextGetChats > 0) {
      this.failNextGetChats--;
      throw new Error("Evaluation failed: TypeError: Cannot read properties of undefined (reading 'getModelsArray')");
    }
    const chats = this.account.snapshot(this);
    await this.holdGetChats;
    return chats;
  }

  // --- what the test does (phone, WhatsApp servers) ---

  showQr(qr = `2@${Math.random().toString(36).slice(2)},fakeKey=,fakeId=`) {
    this.emit('qr', qr);
    return qr;
  }

  /** The admin scanned the QR code: authenticated, then ready. */
  loginAndReady() {
    this.emit('authenticated');
    this.emit('ready');
  }

  /** A message arrives while this client is connected: in the chat's history, and a `message` event. */
  deliver(message: WhatsappMessageLike) {
    this.account.receive(message);
    this.emit('message', copyOf(message));
  }

  disconnect(reason = 'NAVIGATION') {
    this.emit('disconnected', reason);
  }

  sentTo(chatId: string) {
    return this.sent.filter((m) => m.chatId === chatId);
  }
}

/**
 * A factory handing out fresh fakes, keeping them for the test to drive. `beforeCreate` may return
 * a promise that holds the creation of client number `index` until the test releases it.
 */
export function createFakeWhatsapp(
  opts: { configure?: (client: FakeWhatsappClient, index: number) => void; beforeCreate?: (index: number) => Promise<void> | void } = {},
) {
  const clients: FakeWhatsappClient[] = [];
  // One WhatsApp number: its chats outlive every client, as they do on the phone.
  const account = new FakeWhatsappAccount();
  let requested = 0;
  const factory: WhatsappClientFactory = async () => {
    await opts.beforeCreate?.(requested++);
    const client = new FakeWhatsappClient(account);
    opts.configure?.(client, clients.length);
    clients.push(client);
    return client;
  };
  return {
    factory,
    clients,
    /** The number's chats: `account.receive(msg)` is a message that arrives while no client listens. */
    account,
    /** The most recent client (after a reconnect, the new one). */
    get current(): FakeWhatsappClient {
      const c = clients.at(-1);
      if (!c) throw new Error('no WhatsApp client was created yet');
      return c;
    },
  };
}

// --- messages shaped like whatsapp-web.js's Message ---

let counter = 0;
const nextId = () => `3EB0${(Date.now() * 1000 + ++counter).toString(16).toUpperCase()}`;

type Base = { from: string; id?: string; timestamp?: number };

function message(base: Base, fields: Partial<WhatsappMessageLike> & Pick<WhatsappMessageLike, 'type'>): WhatsappMessageLike {
  const id = base.id ?? nextId();
  return {
    id: { fromMe: false, remote: base.from, id, _serialized: `false_${base.from}_${id}` },
    from: base.from,
    body: '',
    fromMe: false,
    isStatus: false,
    broadcast: false,
    hasMedia: false,
    timestamp: base.timestamp ?? Math.floor(Date.now() / 1000),
    downloadMedia: async () => undefined,
    ...fields,
  };
}

/** A message we sent (from this client, or from the municipality's phone). */
function ownMessage(chatId: string, body: string, key = nextId()): WhatsappMessageLike {
  const m = message({ from: chatId, id: key }, { type: 'chat', body, fromMe: true });
  // In our own messages `from` is our number and `to` the chat; the chat is id.remote.
  return { ...m, id: { ...m.id, fromMe: true, _serialized: `true_${chatId}_${key}` }, from: OUR_JID };
}

/** The municipality's own WhatsApp number in these fakes. */
export const OUR_JID = '390583000000@c.us';

export const waMessage = {
  /** A message written on the municipality's phone (fromMe), e.g. while the bot was down. */
  own: (chatId: string, body: string) => ownMessage(chatId, body),
  text: (from: string, body: string, extra: Partial<Base> = {}) => message({ from, ...extra }, { type: 'chat', body }),
  /** Coordinates as strings, as whatsapp-web.js passes them through. */
  location: (from: string, lat: number, lng: number, extra: Partial<Base> & { name?: string; address?: string } = {}) =>
    message(
      { from, ...extra },
      {
        type: 'location',
        // A location message's body is its JPEG thumbnail, base64.
        body: '/9j/4AAQSkZJRgABAQAAAQABAAD',
        location: { latitude: String(lat), longitude: String(lng), name: extra.name, address: extra.address },
      },
    ),
  /** `media` is what downloadMedia() resolves to, or a function (e.g. one that throws). */
  image: (
    from: string,
    media: WhatsappMedia | null | undefined | (() => Promise<WhatsappMedia | null | undefined>),
    extra: Partial<Base> & { caption?: string } = {},
  ) =>
    message(
      { from, ...extra },
      {
        type: 'image',
        body: extra.caption ?? '',
        hasMedia: true,
        downloadMedia: typeof media === 'function' ? media : async () => media,
      },
    ),
  /** A voice note (`ptt`) as whatsapp-web.js gives it: Ogg/Opus, duration in seconds as a string; downloadMedia counted. */
  voice: (from: string, bytes: Buffer, seconds: number, downloads: { count: number } = { count: 0 }) =>
    message(
      { from },
      {
        type: 'ptt',
        hasMedia: true,
        duration: String(seconds),
        downloadMedia: async () => {
          downloads.count++;
          return { mimetype: 'audio/ogg; codecs=opus', data: bytes.toString('base64'), filename: null, filesize: bytes.length };
        },
      },
    ),
  /** ptt, audio, video, document, sticker, vcard... */
  ofType: (from: string, type: string, extra: Partial<Base> = {}) =>
    message(
      { from, ...extra },
      { type, hasMedia: !['vcard', 'multi_vcard'].includes(type), body: type === 'vcard' ? 'BEGIN:VCARD\nEND:VCARD' : '' },
    ),
  inGroup: (group: string, author: string, body: string) => ({ ...message({ from: group }, { type: 'chat', body }), author }),
  status: (author: string, body: string) => ({
    ...message({ from: 'status@broadcast' }, { type: 'chat', body, isStatus: true, broadcast: true }),
    author,
  }),
};

export const jpegMedia = (bytes: Buffer): WhatsappMedia => ({ mimetype: 'image/jpeg', data: bytes.toString('base64'), filename: null });
