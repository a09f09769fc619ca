import type { Connection } from 'mongoose';
import type { ConversationStore } from '../../domain/ports';
import { conversationModel } from '../models/conversation.model';
import { isDuplicateKeyError } from './mongo-errors';

export function createConversationRepository<S>(conn: Connection): ConversationStore<S> {
  const Conversation = conversationModel(conn);
  return {
    async load(channel, chatId) {
      const d = await Conversation.findOne({ channel, chatId }).lean<{ state: S; version: number; lastMessageId?: string }>();
      return d ? { state: d.state, version: d.version, lastMessageId: d.lastMessageId } : { state: null, version: 0 };
    },
    async save(channel, chatId, citizenRef, state, expectedVersion, lastMessageId) {
      const set = { state, lastMessageId, citizenRef };
      if (expectedVersion === 0) {
        try {
          await Conversation.create({ channel, chatId, version: 1, ...set });
          return true;
        } catch (err) {
          if (isDuplicateKeyError(err)) return false;
          throw err;
        }
      }
      const res = await Conversation.updateOne(
        { channel, chatId, version: expectedVersion },
        { $set: set, $inc: { version: 1 } },
      );
      return res.modifiedCount === 1;
    },
  };
}
