/**
 * Port of a citizen's data as a whole (GDPR rights through the bot): read everything keyed by one
 * citizenRef, and rewrite it for an erasure or a withdrawal of consent. Implemented by src/storage
 * (citizen-data.repository.ts).
 */
import type { Channel } from '../message';
import type { CitizenData, ErasureCounts, RightExercised, WithdrawalCounts } from '../citizen-data';

/** The chat the right is exercised from, and its message that must survive (its answer is still due). */
export type RightOrigin = { channel: Channel; chatId: string; messageId: string };

export interface CitizenDataStore {
  collect(citizenRef: string): Promise<CitizenData>;
  /** Ids of the citizen's own reports (for the audit entries). */
  reportIdsOf(citizenRef: string): Promise<string[]>;
  /** Records on each of the citizen's own reports that a right was exercised (agents see it). */
  markRight(citizenRef: string, right: RightExercised): Promise<number>;
  /**
   * Art. 17: own reports keep their content for the police but lose the link to the person
   * (citizenRef replaced by `pseudonym`; their confirmations of others' reports likewise, follower
   * entries removed); identity, subscriptions, inbound messages (but `origin.messageId`) and the
   * bot's messages to the chat are deleted.
   */
  erase(citizenRef: string, pseudonym: string, origin: RightOrigin, right: RightExercised): Promise<ErasureCounts>;
  /** Art. 21 / consent withdrawn: no status updates (reports marked), no alerts, no following. */
  stopProcessing(citizenRef: string, right: RightExercised): Promise<WithdrawalCounts>;
}
