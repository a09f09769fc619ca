/** The port for "one chat is processed by one worker at a time"; src/queue implements it on Redis. */
import type { Channel } from '../domain/message';

export interface ChatLock {
  /** Runs fn while holding the chat's lock; waits for the lock up to waitMs, then throws. */
  withLock<T>(channel: Channel, chatId: string, fn: () => Promise<T>, waitMs?: number): Promise<T>;
}
