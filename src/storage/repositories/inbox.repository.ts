import { Types, type Connection } from 'mongoose';
import type { InboxRecord, InboxStore } from '../../domain/ports';
import type { Channel, InboundMessage } from '../../domain/message';
import { inboxMessageModel } from '../models/inbox-message.model';
import { isDuplicateKeyError } from './mongo-errors';
import { WRITE_OPTIONS } from './driver-options';
import { createWriteBatcher } from './write-batcher';
import { createBatchLoader, oneOrAnyOf } from './batch-loader';
import type { FieldCipher } from '../../security/field-cipher';

type InboxDoc = Omit<InboxRecord, 'id'> & { _id: unknown; chatKey?: string };
const recordOf =
  (cipher: FieldCipher) =>
  (d: InboxDoc): InboxRecord => ({
    id: String(d._id),
    channel: d.channel,
    messageId: d.messageId,
    chatId: cipher.decrypt(d.chatId),
    citizenRef: d.citizenRef,
    receivedAt: d.receivedAt,
    payload: d.payload,
    languageCode: d.languageCode,
    state: d.state,
  });

/** At most this many of a chat's pending messages are read for one job. */
const PENDING_PER_CHAT = 100;

/**
 * No platform identity is stored here: the chat id is encrypted (looked up through its blind index
 * `chatKey`) and the platform's message id, which carries the phone number on WhatsApp and the user
 * id on Telegram, becomes a keyed reference (cipher.messageRef) that the rest of the pipeline uses.
 *
 * Every inbound message passes here three or four times (store, list pending, mark processed), so
 * those calls go to the driver's collection directly: the documents are built from validated
 * messages, and mongoose's casting and hydration would only cost time.
 */
export function createInboxRepository(conn: Connection, cipher: FieldCipher): InboxStore {
  const Inbox = inboxMessageModel(conn);
  const inbox = Inbox.collection;
  // Every message is stored here and marked processed here: concurrent chats' writes go together
  // (write-batcher.ts).
  const writes = createWriteBatcher(inbox, WRITE_OPTIONS);
  const toRecord = recordOf(cipher);
  const ref = (channel: Channel, messageId: string) => cipher.messageRef(channel, messageId);
  const chatKey = (channel: Channel, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  const pendingOf = (channel: string, chatKeys: string[], limit: number) =>
    inbox.find({ channel, chatKey: oneOrAnyOf(chatKeys), state: 'received' }).sort({ receivedAt: 1, _id: 1 }).limit(limit).toArray();
  // The chats whose turns start in the same loop turn are read together (batch-loader.ts). A
  // batch with more than PENDING_PER_CHAT for each chat (a flood) is read chat by chat instead, so
  // that no chat's messages are crowded out.
  const pendingByChat = createBatchLoader(async (channel, chatKeys) => {
    const docs = await pendingOf(channel, chatKeys, PENDING_PER_CHAT * chatKeys.length + 1);
    if (docs.length > PENDING_PER_CHAT * chatKeys.length)
      return new Map(await Promise.all(chatKeys.map(async (key) => [key, await pendingOf(channel, [key], PENDING_PER_CHAT)] as const)));
    const byChat = new Map<string, typeof docs>();
    for (const d of docs) {
      const list = byChat.get(d.chatKey as string) ?? [];
      if (list.length < PENDING_PER_CHAT) list.push(d);
      byChat.set(d.chatKey as string, list);
    }
    return byChat;
  });
  const get = async (channel: Channel, messageId: string) => {
    const d = await inbox.findOne({ channel, messageId: ref(channel, messageId) });
    return d ? toRecord(d as unknown as InboxDoc) : null;
  };
  return {
    async save(msg: InboundMessage, citizenRef: string) {
      try {
        const now = new Date();
        const doc = {
          _id: new Types.ObjectId(),
          channel: msg.channel,
          messageId: ref(msg.channel, msg.messageId),
          chatId: cipher.encrypt(String(msg.chatId)),
          chatKey: chatKey(msg.channel, String(msg.chatId)),
          citizenRef,
          receivedAt: msg.receivedAt,
          payload: msg.payload,
          state: 'received' as const,
          ...(msg.sender.languageCode ? { languageCode: msg.sender.languageCode } : {}),
          createdAt: now,
          updatedAt: now,
        };
        await writes.insertOne(doc);
        return { duplicate: false, record: toRecord(doc) };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await get(msg.channel, msg.messageId);
        if (!existing) throw err;
        return { duplicate: true, record: existing };
      }
    },
    get,
    async listPending(channel, chatId) {
      const docs = (await pendingByChat.load(channel, chatKey(channel, String(chatId)))) ?? [];
      return docs.map((d) => toRecord(d as unknown as InboxDoc));
    },
    async listUnprocessed(before, limit) {
      const docs = await inbox
        .find({ state: 'received', receivedAt: { $lt: before } })
        .sort({ receivedAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => toRecord(d as unknown as InboxDoc));
    },
    async markProcessed(channel, messageId, reportId) {
      const now = new Date();
      await writes.updateOne(
        { channel, messageId: ref(channel, messageId) },
        { $set: { state: 'processed', processedAt: now, updatedAt: now, ...(reportId ? { reportId: String(reportId) } : {}) } },
      );
    },
    async linkToReport(channel, messageIds, reportId) {
      if (!messageIds.length) return;
      await inbox.updateMany(
        { channel, messageId: { $in: messageIds.map((id) => ref(channel, id)) } },
        { $set: { reportId: String(reportId), updatedAt: new Date() } },
      );
    },
    async markFailed(channel, messageId, error) {
      await inbox.updateOne({ channel, messageId: ref(channel, messageId) }, { $set: { state: 'failed', error, updatedAt: new Date() } });
    },
    async listForReport(reportId) {
      const docs = await inbox
        .find({ reportId: String(reportId) })
        .sort({ receivedAt: 1 })
        .toArray();
      return docs.map((d) => toRecord(d as unknown as InboxDoc));
    },
  };
}
