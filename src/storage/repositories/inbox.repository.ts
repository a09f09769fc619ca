import type { Connection } from 'mongoose';
import type { InboxRecord, InboxStore } from '../../domain/ports';
import type { Channel, InboundMessage } from '../../domain/message';
import { inboxMessageModel } from '../models/inbox-message.model';
import { isDuplicateKeyError } from './mongo-errors';
import { WRITE_OPTIONS } from './driver-options';
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
  const toRecord = recordOf(cipher);
  const ref = (channel: Channel, messageId: string) => cipher.messageRef(channel, messageId);
  const chatKey = (channel: Channel, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  const get = async (channel: Channel, messageId: string) => {
    const d = await inbox.findOne({ channel, messageId: ref(channel, messageId) });
    return d ? toRecord(d as unknown as InboxDoc) : null;
  };
  return {
    async save(msg: InboundMessage, citizenRef: string) {
      try {
        const now = new Date();
        const doc = {
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
        const { insertedId } = await inbox.insertOne(doc, WRITE_OPTIONS);
        return { duplicate: false, record: toRecord({ ...doc, _id: insertedId }) };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await get(msg.channel, msg.messageId);
        if (!existing) throw err;
        return { duplicate: true, record: existing };
      }
    },
    get,
    async listPending(channel, chatId) {
      const docs = await inbox
        .find({ channel, chatKey: chatKey(channel, String(chatId)), state: 'received' })
        .sort({ receivedAt: 1, _id: 1 })
        .limit(100)
        .toArray();
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
      await inbox.updateOne(
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
