import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { ConversationRecord, ConversationStore } from '../../domain/ports';
import { conversationModel } from '../models/conversation.model';
import { isDuplicateKeyError } from './mongo-errors';
import { createBatchLoader, oneOrAnyOf } from './batch-loader';
import { createWriteBatcher } from './write-batcher';
import { WRITE_OPTIONS } from './driver-options';
import type { FieldCipher } from '../../security/field-cipher';

/**
 * A conversation is found by its chat's blind index (`chatKey`): the chat id itself is not stored.
 *
 * Loaded and saved once per dialog turn: the driver's collection is used directly (the state is the
 * engine's own plain object; mongoose's casting and hydration would only cost time). The loads and
 * the saves of turns that meet in the same loop turn (many chats at once) go as one command each
 * (batch-loader.ts, write-batcher.ts).
 */
export function createConversationRepository<S>(conn: Connection, cipher: FieldCipher): ConversationStore<S> {
  const conversations = conversationModel(conn).collection;
  const chatKey = (channel: string, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  // Saves of many chats' turns go together (write-batcher.ts).
  const writes = createWriteBatcher(conversations, WRITE_OPTIONS);
  const loader = createBatchLoader(async (channel, chatKeys) => {
    const docs = await conversations.find({ channel, chatKey: oneOrAnyOf(chatKeys) }).toArray();
    return new Map(docs.map((d) => [d.chatKey as string, d]));
  });
  return {
    async load(channel, chatId) {
      const d = await loader.load(channel, chatKey(channel, String(chatId)));
      if (!d) return { state: null, version: 0 };
      const record: ConversationRecord<S> = { state: d.state as S, version: d.version as number, lastMessageId: d.lastMessageId as string | undefined };
      if (Array.isArray(d.recentReceipts)) record.recentReceipts = d.recentReceipts as Date[];
      return record;
    },
    async save(channel, chatId, citizenRef, state, expectedVersion, lastMessageId, recentReceipts) {
      const now = new Date();
      const key = chatKey(channel, String(chatId));
      // Marks this save, to tell whether it was the one applied when its batch cannot say (below).
      const saveId = randomUUID();
      const set = { state, lastMessageId, citizenRef, saveId, updatedAt: now, ...(recentReceipts ? { recentReceipts } : {}) };
      if (expectedVersion === 0) {
        try {
          await writes.insertOne({ channel, chatKey: key, version: 1, ...set, createdAt: now });
          return true;
        } catch (err) {
          if (isDuplicateKeyError(err)) return false;
          throw err;
        }
      }
      const matched = await writes.updateOne({ channel, chatKey: key, version: expectedVersion }, { $set: set, $inc: { version: 1 } });
      if (matched !== undefined) return matched;
      // In a batch where some save lost its race: read back whether this one is the saved one.
      const saved = await conversations.findOne({ channel, chatKey: key }, { projection: { saveId: 1 } });
      return saved?.saveId === saveId;
    },
  };
}
