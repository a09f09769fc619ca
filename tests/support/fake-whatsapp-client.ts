/**
 * A fake whatsapp-web.js Client: exactly the WhatsappClientLike subset (same event names, same
 * method signatures), driven by the test like a phone and WhatsApp's servers would drive the real
 * one. Messages it emits have the real Message's shape (id._serialized, from, type, body,
 * location with string coordinates, hasMedia, downloadMedia(), timestamp...).
 */
import { EventEmitter } from 'node:events';
import type {
  WhatsappClientFactory,
  WhatsappClientLike,
  WhatsappMedia,
  WhatsappMessageLike,
  WhatsappSendOptions,
} from '../../bots/whatsapp/whatsapp-client';

export type SentMessage = { chatId: string; content: string; options?: WhatsappSendOptions; id: string };

export class FakeWhatsappClient extends EventEmitter implements WhatsappClientLike {
  readonly sent: SentMessage[] = [];
  initializeCalls = 0;
  destroyed = false;
  /** What initialize() does: resolve (login progress then comes from the test) or reject. */
  initializeError?: Error;
  /** The next N sendMessage calls reject like a browser that lost its page. */
  failNextSends = 0;
  /** @lid -> phone jid, as WhatsApp would reveal it. */
  readonly lidToPhone = new Map<string, string>();
  private seq = 0;

  async initialize(): Promise<void> {
    this.initializeCalls++;
    if (this.initializeError) throw this.initializeError;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, content: string, options?: WhatsappSendOptions) {
    if (this.destroyed) throw new Error('Protocol error: Session closed. Most likely the page has been closed.');
    if (this.failNextSends > 0) {
      this.failNextSends--;
      throw new Error('Evaluation failed: Error: sendMessage failed');
    }
    const id = `true_${chatId}_3EB0${(++this.seq).toString(16).padStart(16, '0').toUpperCase()}`;
    this.sent.push({ chatId, content, options, id });
    return { id: { _serialized: id } };
  }

  async getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]> {
    return userIds.map((id) => ({ lid: id, pn: this.lidToPhone.get(id) as string }));
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

  deliver(message: WhatsappMessageLike) {
    this.emit('message', message);
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
  let requested = 0;
  const factory: WhatsappClientFactory = async () => {
    await opts.beforeCreate?.(requested++);
    const client = new FakeWhatsappClient();
    opts.configure?.(client, clients.length);
    clients.push(client);
    return client;
  };
  return {
    factory,
    clients,
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

export const waMessage = {
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
