import type { Connection } from 'mongoose';
import type { ConversationRecord, ConversationStore } from '../../domain/ports';
import { conversationModel } from '../models/conversation.model';
import { isDuplicateKeyError } from './mongo-errors';
import { createChatBatchLoader } from './chat-batch-loader';
import { WRITE_OPTIONS } from './driver-options';
import type { FieldCipher } from '../../security/field-cipher';

/**
 * A conversation is found by its chat's blind index (`chatKey`): the chat id itself is not stored.
 *
 * Loaded and saved once per dialog turn: the driver's collection is used directly (the state is the
 * engine's own plain object; mongoose's casting and hydration would only cost time). The loads of
 * turns that start in the same loop turn (many chats at once) go as one query (chat-batch-loader.ts).
 */
export function createConversationRepository<S>(conn: Connection, cipher: FieldCipher): ConversationStore<S> {
  const conversations = conversationModel(conn).collection;
  const chatKey = (channel: string, chatId: string) => cipher.blindIndex(`${channel}:${chatId}`);
  const loader = createChatBatchLoader(async (channel, chatKeys) => {
    const docs = await conversations.find({ channel, chatKey: { $in: chatKeys } }).toArray();
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
      const set = { state, lastMessageId, citizenRef, updatedAt: now, ...(recentReceipts ? { recentReceipts } : {}) };
      if (expectedVersion === 0) {
        try {
          await conversations.insertOne(
            { channel, chatKey: chatKey(channel, String(chatId)), version: 1, ...set, createdAt: now },
            WRITE_OPTIONS,
          );
          return true;
        } catch (err) {
          if (isDuplicateKeyError(err)) return false;
          throw err;
        }
      }
      const res = await conversations.updateOne(
        { channel, chatKey: chatKey(channel, String(chatId)), version: expectedVersion },
        { $set: set, $inc: { version: 1 } },
        WRITE_OPTIONS,
      );
      return res.modifiedCount === 1;
    },
  };
}
