/** In-memory ConversationStore: conversation.repository.ts's optimistic versioning on a MemoryDb. */
import type { ConversationStore } from '../../../src/domain/ports';
import { copyDoc, type MemoryDb } from './memory-db';

export function createInMemoryConversationStore<S>(db: MemoryDb): ConversationStore<S> {
  const key = (channel: string, chatId: string) => `${channel}|${chatId}`;
  return {
    async load(channel, chatId) {
      const d = db.conversations.get(key(channel, String(chatId)));
      return d ? { state: copyDoc(d.state) as S, version: d.version, lastMessageId: d.lastMessageId } : { state: null, version: 0 };
    },
    async save(channel, chatId, citizenRef, state, expectedVersion, lastMessageId) {
      const k = key(channel, String(chatId));
      const d = db.conversations.get(k);
      if (expectedVersion === 0 ? d !== undefined : d?.version !== expectedVersion) return false;
      db.conversations.set(k, { channel, chatId: String(chatId), citizenRef, state: copyDoc(state), version: expectedVersion + 1, lastMessageId });
      return true;
    },
  };
}
