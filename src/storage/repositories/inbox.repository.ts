import type { Connection } from 'mongoose';
import type { InboxRecord, InboxStore } from '../../domain/ports';
import type { Channel, InboundMessage } from '../../domain/message';
import { inboxMessageModel } from '../models/inbox-message.model';
import { isDuplicateKeyError } from './mongo-errors';

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

export function createInboxRepository(conn: Connection): InboxStore {
  const Inbox = inboxMessageModel(conn);
  const get = async (channel: Channel, messageId: string) => {
    const d = await Inbox.findOne({ channel, messageId }).lean<InboxDoc>();
    return d ? toRecord(d) : null;
  };
  return {
    async save(msg: InboundMessage, citizenRef: string) {
      try {
        // lean insert: the message was validated by its channel; skipping document hydration keeps
        // the hot path of every inbound message cheap.
        const [doc] = await Inbox.insertMany(
          [
            {
              channel: msg.channel,
              messageId: msg.messageId,
              chatId: msg.chatId,
              citizenRef,
              receivedAt: msg.receivedAt,
              payload: msg.payload,
              state: 'received',
              ...(msg.sender.languageCode ? { languageCode: msg.sender.languageCode } : {}),
            },
          ],
          { lean: true },
        );
        return { duplicate: false, record: toRecord(doc as unknown as InboxDoc) };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await get(msg.channel, msg.messageId);
        if (!existing) throw err;
        return { duplicate: true, record: existing };
      }
    },
    get,
    async listPending(channel, chatId) {
      const docs = await Inbox.find({ channel, chatId: String(chatId), state: 'received' })
        .sort({ receivedAt: 1, _id: 1 })
        .limit(100)
        .lean<InboxDoc[]>();
      return docs.map(toRecord);
    },
    async markProcessed(channel, messageId, reportId) {
      await Inbox.updateOne({ channel, messageId }, { $set: { state: 'processed', processedAt: new Date(), ...(reportId ? { reportId } : {}) } });
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
