/** In-memory ConversationStore: conversation.repository.ts's optimistic versioning on a MemoryDb. */
import type { ConversationStore } from '../../../src/domain/ports';
import { copyDoc, type MemoryDb } from './memory-db';

export function createInMemoryConversationStore<S>(db: MemoryDb): ConversationStore<S> {
  const key = (channel: string, chatId: string) => `${channel}|${chatId}`;
  return {
    async load(channel, chatId) {
      const d = db.conversations.get(key(channel, String(chatId)));
      if (!d) return { state: null, version: 0 };
      return {
        state: copyDoc(d.state) as S,
        version: d.version,
        lastMessageId: d.lastMessageId,
        ...(d.recentReceipts ? { recentReceipts: d.recentReceipts.map((t) => new Date(t)) } : {}),
      };
    },
    async save(channel, chatId, citizenRef, state, expectedVersion, lastMessageId, recentReceipts) {
      const k = key(channel, String(chatId));
      const d = db.conversations.get(k);
      if (expectedVersion === 0 ? d !== undefined : d?.version !== expectedVersion) return false;
      db.conversations.set(k, { channel, chatId: String(chatId), citizenRef, state: copyDoc(state), version: expectedVersion + 1, lastMessageId, ...(recentReceipts ? { recentReceipts: recentReceipts.map((t) => new Date(t)) } : {}) });
      return true;
    },
  };
}
