/**
 * Handles one `message` event (or a message read back by the catch-up on `ready`): filter, resolve
 * the sender's phone, normalise, and store it in the inbox (ctx.receive) before anything else
 * happens to it. whatsapp-web.js never redelivers an event, so storing is retried for a while
 * instead of giving up on the first MongoDB hiccup.
 */
import type { MediaStore } from '../../src/domain/ports';
import type { ReceiveMessage } from '../../src/app/intake/receive-message';
import type { Logger } from '../../src/log/logger';
import { ignoreReason, phoneFromJid, toInboundMessage, toPayload, type VoiceNoteOptions } from './to-inbound';
import type { WhatsappClientLike, WhatsappMessageLike } from './whatsapp-client';

/** What became of a message: stored now, already stored (a redelivery), or not for the bot. */
export type InboundOutcome = 'stored' | 'duplicate' | 'ignored';

export type InboundHandler = (msg: WhatsappMessageLike, client: WhatsappClientLike) => Promise<InboundOutcome>;

export type InboundHandlerOptions = {
  /** How long storing a message is retried before it is reported lost. @defaultValue 120000 */
  receiveRetryMs?: number;
};

/** A size-bounded memory of keys, oldest forgotten first. */
class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string) {
    return this.map.get(key);
  }
  has(key: string) {
    return this.map.has(key);
  }
  set(key: string, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

export function createInboundHandler(
  deps: { receive: ReceiveMessage; media: MediaStore; logger: Logger; voiceNotes?: VoiceNoteOptions },
  opts: InboundHandlerOptions = {},
): InboundHandler {
  const retryMs = opts.receiveRetryMs ?? 120_000;
  // The inbox is the real deduplication (unique channel + messageId); this memory only spares a
  // second download of the same photo when WhatsApp Web fires an event twice.
  const stored = new BoundedMap<true>(5_000);
  const inFlight = new Map<string, Promise<InboundOutcome>>();
  const lidPhones = new BoundedMap<string | null>(5_000);

  async function phoneOf(from: string, client: WhatsappClientLike): Promise<string | undefined> {
    if (!from.endsWith('@lid')) return phoneFromJid(from);
    const known = lidPhones.get(from);
    if (known !== undefined) return known ?? undefined;
    try {
      const [mapped] = await client.getContactLidAndPhone([from]);
      const phone = phoneFromJid(mapped?.pn) ?? null;
      lidPhones.set(from, phone);
      return phone ?? undefined;
    } catch (err) {
      // Not fatal: the chat id (the @lid) is all a reply needs.
      deps.logger.debug(`whatsapp: could not map an @lid sender to a phone number: ${(err as Error).message}`);
      return undefined;
    }
  }

  async function receiveWithRetry(msg: Parameters<ReceiveMessage>[0]) {
    const deadline = Date.now() + retryMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await deps.receive(msg);
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        const delay = Math.min(250 * 2 ** attempt, 5_000);
        deps.logger.warn(`whatsapp: storing message ${msg.messageId} failed (${(err as Error).message}); retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  async function storeMessage(msg: WhatsappMessageLike, client: WhatsappClientLike, messageId: string): Promise<InboundOutcome> {
    const phone = await phoneOf(msg.from, client);
    const payload = await toPayload(msg, deps.media, deps.voiceNotes);
    const { duplicate } = await receiveWithRetry(toInboundMessage(msg, payload, { phone }));
    stored.set(messageId, true);
    if (duplicate) deps.logger.debug(`whatsapp: message ${messageId} was already stored`);
    return duplicate ? 'duplicate' : 'stored';
  }

  return async function handleMessage(msg, client) {
    const ignored = ignoreReason(msg);
    if (ignored) {
      deps.logger.debug(`whatsapp: ignored a ${ignored} message (${msg.type})`);
      return 'ignored';
    }
    const messageId = msg.id?._serialized;
    if (!messageId) {
      deps.logger.warn(`whatsapp: a ${msg.type} message without an id was ignored`);
      return 'ignored';
    }
    if (stored.has(messageId)) return 'duplicate';
    const running = inFlight.get(messageId);
    // The same message already on its way in (an event fired twice, or live and catch-up at once).
    if (running) return running.then((): InboundOutcome => 'duplicate');
    const job = storeMessage(msg, client, messageId).finally(() => inFlight.delete(messageId));
    inFlight.set(messageId, job);
    return job;
  };
}
