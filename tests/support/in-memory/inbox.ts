/** In-memory InboxStore: inbox.repository.ts on a MemoryDb (unique channel + messageId, arrival order). */
import type { InboxRecord, InboxStore } from '../../../src/domain/ports';
import type { Channel } from '../../../src/domain/message';
import { copyDoc, type InboxDocument, type MemoryDb } from './memory-db';

const key = (channel: Channel, messageId: string) => `${channel}|${messageId}`;
const arrival = (a: InboxDocument, b: InboxDocument) => a.receivedAt.getTime() - b.receivedAt.getTime() || a._id.localeCompare(b._id);

function toRecord(d: InboxDocument): InboxRecord {
  const c = copyDoc(d);
  return {
    id: c._id,
    channel: c.channel,
    messageId: c.messageId,
    chatId: c.chatId,
    citizenRef: c.citizenRef,
    receivedAt: c.receivedAt,
    payload: c.payload,
    languageCode: c.languageCode,
    state: c.state,
  };
}

/** The platform's message id becomes a keyed reference, as in inbox.repository.ts. */
export function createInMemoryInboxStore(db: MemoryDb): InboxStore {
  const all = () => [...db.inbox.values()];
  const ref = (channel: Channel, messageId: string) => db.cipher.messageRef(channel, messageId);
  const get = async (channel: Channel, messageId: string) => {
    const d = db.inbox.get(key(channel, ref(channel, messageId)));
    return d ? toRecord(d) : null;
  };
  return {
    async save(msg, citizenRef) {
      const existing = db.inbox.get(key(msg.channel, ref(msg.channel, msg.messageId)));
      if (existing) return { duplicate: true, record: toRecord(existing) };
      const doc: InboxDocument = copyDoc({
        _id: db.newId(),
        channel: msg.channel,
        messageId: ref(msg.channel, msg.messageId),
        chatId: String(msg.chatId),
        citizenRef,
        receivedAt: msg.receivedAt,
        payload: msg.payload,
        state: 'received' as const,
        ...(msg.sender.languageCode ? { languageCode: msg.sender.languageCode } : {}),
      });
      db.inbox.set(key(msg.channel, doc.messageId), doc);
      return { duplicate: false, record: toRecord(doc) };
    },
    get,
    async listPending(channel, chatId) {
      return all()
        .filter((d) => d.channel === channel && d.chatId === String(chatId) && d.state === 'received')
        .sort(arrival)
        .slice(0, 100)
        .map(toRecord);
    },
    async listUnprocessed(before, limit) {
      return all()
        .filter((d) => d.state === 'received' && d.receivedAt.getTime() < before.getTime())
        .sort(arrival)
        .slice(0, limit)
        .map(toRecord);
    },
    async markProcessed(channel, messageId, reportId) {
      const d = db.inbox.get(key(channel, ref(channel, messageId)));
      if (!d) return;
      d.state = 'processed';
      if (reportId) d.reportId = String(reportId);
    },
    async markFailed(channel, messageId, error) {
      const d = db.inbox.get(key(channel, ref(channel, messageId)));
      if (!d) return;
      d.state = 'failed';
      d.error = error;
    },
    async linkToReport(channel, messageIds, reportId) {
      for (const id of messageIds) {
        const d = db.inbox.get(key(channel, ref(channel, id)));
        if (d) d.reportId = String(reportId);
      }
    },
    async listForReport(reportId) {
      return all()
        .filter((d) => d.reportId === String(reportId))
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
        .map(toRecord);
    },
  };
}
