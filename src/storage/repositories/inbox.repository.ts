import type { Connection } from 'mongoose';
import type { InboxRecord, InboxStore } from '../../domain/ports';
import type { Channel, InboundMessage } from '../../domain/message';
import { inboxMessageModel } from '../models/inbox-message.model';
import { isDuplicateKeyError } from './mongo-errors';
import { WRITE_OPTIONS } from './driver-options';

type InboxDoc = Omit<InboxRecord, 'id'> & { _id: unknown };
const toRecord = (d: InboxDoc): InboxRecord => ({
  id: String(d._id),
  channel: d.channel,
  messageId: d.messageId,
  chatId: d.chatId,
  citizenRef: d.citizenRef,
  receivedAt: d.receivedAt,
  payload: d.payload,
  languageCode: d.languageCode,
  state: d.state,
});

/**
 * Every inbound message passes here three or four times (store, list pending, mark processed), so
 * those calls go to the driver's collection directly: the documents are built from validated
 * messages, and mongoose's casting and hydration would only cost time.
 */
export function createInboxRepository(conn: Connection): InboxStore {
  const Inbox = inboxMessageModel(conn);
  const inbox = Inbox.collection;
  const get = async (channel: Channel, messageId: string) => {
    const d = await inbox.findOne({ channel, messageId: String(messageId) });
    return d ? toRecord(d as unknown as InboxDoc) : null;
  };
  return {
    async save(msg: InboundMessage, citizenRef: string) {
      try {
        const now = new Date();
        const doc = {
          channel: msg.channel,
          messageId: String(msg.messageId),
          chatId: String(msg.chatId),
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
      const docs = await inbox.find({ channel, chatId: String(chatId), state: 'received' }).sort({ receivedAt: 1, _id: 1 }).limit(100).toArray();
      return docs.map((d) => toRecord(d as unknown as InboxDoc));
    },
    async listUnprocessed(before, limit) {
      const docs = await inbox.find({ state: 'received', receivedAt: { $lt: before } }).sort({ receivedAt: 1, _id: 1 }).limit(limit).toArray();
      return docs.map((d) => toRecord(d as unknown as InboxDoc));
    },
    async markProcessed(channel, messageId, reportId) {
      const now = new Date();
      await inbox.updateOne({ channel, messageId: String(messageId) }, { $set: { state: 'processed', processedAt: now, updatedAt: now, ...(reportId ? { reportId: String(reportId) } : {}) } });
    },
    async markFailed(channel, messageId, error) {
      await Inbox.updateOne({ channel, messageId }, { $set: { state: 'failed', error } });
    },
    async listForReport(reportId) {
      const docs = await Inbox.find({ reportId }).sort({ receivedAt: 1 }).lean<InboxDoc[]>();
      return docs.map(toRecord);
    },
  };
}
