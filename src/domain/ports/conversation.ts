/** Port of the conversations: each chat's dialog state, saved with optimistic versioning. Implemented by src/storage. */
import type { Channel } from '../message';

export type ConversationRecord<S> = {
  state: S | null;
  version: number;
  lastMessageId?: string;
  /** When the chat's latest messages were received (the last minute's, a bounded few): the message limit. */
  recentReceipts?: Date[];
};

export interface ConversationStore<S> {
  load(channel: Channel, chatId: string): Promise<ConversationRecord<S>>;
  /** Saves if the stored version is still `expectedVersion`; false on a concurrent change. */
  save(
    channel: Channel,
    chatId: string,
    citizenRef: string,
    state: S,
    expectedVersion: number,
    lastMessageId: string,
    recentReceipts?: Date[],
  ): Promise<boolean>;
}
