/**
 * Port of citizen blocks: an agent blocks a citizen (by their report's citizenRef, with a reason and
 * an expiry); while blocked, their messages are not stored, only counted, and they get one notice.
 * Implemented by src/storage (citizen-block.repository.ts).
 */
export type CitizenBlock = { citizenRef: string; reason: string; until: Date; by: string; at: Date; blockedMessages: number };

export interface CitizenBlockStore {
  /** Blocks (or re-blocks, resetting the notice) the citizen until `until`. */
  block(input: { citizenRef: string; reason: string; until: Date; by: string; at: Date }): Promise<void>;
  /**
   * For a message from the citizen: null when not blocked at `now`; else the block after counting
   * the message, and whether the one notice is still due (true once per block). A block made by
   * another process may take a few seconds to apply here (the store may keep the list of blocked
   * citizens for that long, so that nobody else's message costs a query).
   */
  countBlocked(citizenRef: string, now: Date): Promise<{ block: CitizenBlock; noticeDue: boolean } | null>;
  /** The block in force at `now`, if any (without counting anything). */
  active(citizenRef: string, now: Date): Promise<CitizenBlock | null>;
  /** Ends the block in force at once; false when there was none. */
  unblock(citizenRef: string, now: Date): Promise<boolean>;
}
