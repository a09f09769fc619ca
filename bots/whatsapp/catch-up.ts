/**
 * Catch-up on `ready`: whatsapp-web.js emits `message` only for messages that arrive while it runs,
 * so what citizens wrote while this process was down or the phone was offline would never reach
 * the inbox. On every `ready` (the first one and each one after a reconnection) the private chats
 * with unread messages are read back, and their messages go through the very handler live events
 * use, oldest first. Nothing is remembered here: the inbox deduplicates on the message id
 * (msg.id._serialized), so a message also delivered live, or read back at an earlier `ready`, is
 * a no-op.
 *
 * A chat is marked read (sendSeen) only once all its unread messages are in the inbox. The unread
 * count is the bookmark of what is still missing: a chat whose messages could not be stored stays
 * unread and is read back at the next `ready`, while chats already taken in are not read back
 * again. The citizen sees the blue ticks a reply would give anyway (sendMessage marks the chat
 * read), and the phone shows as unread only what the inbox does not have.
 */
import type { Logger } from '../../src/log/logger';
import type { InboundHandler } from './inbound-handler';
import type { WhatsappChatLike, WhatsappClientLike } from './whatsapp-client';

export type CatchUpOptions = {
  /** Chats with unread messages read back per `ready`, those waiting longest first. @defaultValue 100 */
  catchUpMaxChats?: number;
  /** Messages read back per chat: its unread count, up to this. @defaultValue 50 */
  catchUpMaxMessagesPerChat?: number;
};

/** Runs the catch-up for a client that just became ready; `isCurrent` is false once it was replaced. */
export type CatchUp = (client: WhatsappClientLike, isCurrent: () => boolean) => Promise<void>;

/** One-to-one chats with a person: never groups, status updates, broadcast lists or channels. */
const PRIVATE_CHAT_JID = /@(c\.us|lid)$/;

/** Messages fetched beyond the unread ones, for those sent in the same second (see catchUpChat). */
const SAME_SECOND_MARGIN = 5;

export const isPrivateChat = (chat: WhatsappChatLike) => !chat.isGroup && PRIVATE_CHAT_JID.test(chat.id?._serialized ?? '');

type Totals = { chats: number; read: number; stored: number; duplicate: number; truncated: number; failed: number; lastError?: string };

export function createCatchUp(deps: { handleMessage: InboundHandler; logger: Logger }, opts: CatchUpOptions = {}): CatchUp {
  const maxChats = opts.catchUpMaxChats ?? 100;
  const maxPerChat = opts.catchUpMaxMessagesPerChat ?? 50;
  const { logger } = deps;

  async function catchUpChat(chat: WhatsappChatLike, client: WhatsappClientLike, totals: Totals) {
    const wanted = Math.min(chat.unreadCount, maxPerChat);
    // Timestamps are in seconds and the library trims to `limit` after sorting by time, so an unread
    // message sharing its second with a read one may be cut: fetch a few more and keep everything
    // from the second of the oldest wanted one (a read one of that second is normally in the inbox).
    const fetched = await chat.fetchMessages({ limit: wanted + SAME_SECOND_MARGIN, fromMe: false });
    if (chat.unreadCount > maxPerChat) totals.truncated++;
    // Oldest first, as the dialog must read them (the library sorts only when it trims).
    const incoming = fetched.filter((m) => !m.fromMe).sort((a, b) => a.timestamp - b.timestamp);
    const since = incoming.at(-wanted)?.timestamp ?? -Infinity;
    for (const msg of incoming.filter((m) => m.timestamp >= since)) {
      const outcome = await deps.handleMessage(msg, client);
      totals.read++;
      if (outcome === 'stored') totals.stored++;
      if (outcome === 'duplicate') totals.duplicate++;
    }
    totals.chats++;
    // Only now, with every message in the inbox: see the header.
    await chat.sendSeen().catch((err: Error) => logger.warn(`whatsapp: catch-up: marking a chat read failed: ${err.message}`));
  }

  async function runOnce(client: WhatsappClientLike, isCurrent: () => boolean) {
    const startedAt = Date.now();
    let chats: WhatsappChatLike[];
    try {
      chats = await client.getChats();
    } catch (err) {
      logger.error(`whatsapp: catch-up failed: the chats could not be listed (${(err as Error).message}); it runs again at the next ready`);
      return;
    }
    const waiting = chats.filter((c) => isPrivateChat(c) && c.unreadCount > 0).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    const totals: Totals = { chats: 0, read: 0, stored: 0, duplicate: 0, truncated: 0, failed: 0 };
    let interrupted = false;
    for (const chat of waiting.slice(0, maxChats)) {
      if (!isCurrent()) {
        interrupted = true;
        break;
      }
      try {
        await catchUpChat(chat, client, totals);
      } catch (err) {
        // The chat stays unread: the next `ready` reads it back. Other chats go on.
        totals.failed++;
        totals.lastError = (err as Error).message;
      }
    }
    // One line, counts only: no chat ids or phone numbers.
    const notes = [
      totals.failed ? `${totals.failed} chats failed and stay unread for the next ready (${totals.lastError})` : '',
      totals.truncated
        ? `${totals.truncated} chats had more than ${maxPerChat} unread messages: only the latest ${maxPerChat} were read`
        : '',
      waiting.length > maxChats ? `${waiting.length - maxChats} more chats with unread messages are left for the next ready` : '',
      interrupted ? 'interrupted: the client was replaced, the new one catches up at its own ready' : '',
    ].filter(Boolean);
    const line =
      `whatsapp: caught up on ready: ${totals.read} messages from ${totals.chats} chats with unread messages ` +
      `(${totals.stored} new, ${totals.duplicate} already stored) in ${Date.now() - startedAt} ms`;
    if (notes.length) logger.warn(`${line}; ${notes.join('; ')}`);
    else logger.info(line);
  }

  // One catch-up at a time: a `ready` during a run asks for one more run afterwards (the latest wins).
  let queued: { client: WhatsappClientLike; isCurrent: () => boolean } | undefined;
  let running: Promise<void> | undefined;
  const drain = async () => {
    for (let next = queued; next; next = queued) {
      queued = undefined;
      if (!next.isCurrent()) continue;
      await runOnce(next.client, next.isCurrent).catch((err: Error) => logger.error(`whatsapp: catch-up failed: ${err.message}`));
    }
    running = undefined;
  };
  return (client, isCurrent) => {
    queued = { client, isCurrent };
    // drain starts after `running` is set, so its end (running = undefined) is never overwritten.
    running ??= Promise.resolve().then(drain);
    return running;
  };
}
