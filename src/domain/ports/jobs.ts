/** Ports of background work: scheduling jobs and holding a chat's lock. Implemented by src/queue (BullMQ, Redis). */
import type { Channel, OutboundMessage } from '../message';

/** Background work the application asks for; `src/queue` implements it with BullMQ. */
export interface JobScheduler {
  /**
   * Schedules the dialog run for a stored inbound message (idempotent per message). A job of the
   * message that failed for good runs again, unless `justStored` says there can be none yet.
   */
  enqueueInbound(channel: Channel, chatId: string, messageId: string, opts?: { justStored?: boolean }): Promise<void>;
  /** Schedules delivery of a recorded outbound message on its channel (idempotent per outboundId). */
  enqueueOutbound(msg: OutboundMessage): Promise<void>;
  /**
   * Schedules the fan-out of a recorded advisory: one job per advisory (a second call while it is
   * waiting, running or done changes nothing); a job that failed for good is run again.
   */
  enqueueAdvisoryFanOut(advisoryId: string): Promise<void>;
}

/** "One chat is processed by one worker at a time". */
export interface ChatLock {
  /** Runs fn while holding the chat's lock; waits for the lock up to waitMs, then throws. */
  withLock<T>(channel: Channel, chatId: string, fn: () => Promise<T>, waitMs?: number): Promise<T>;
}

/** The payloads of the background jobs (what a job carries; the stored records hold the rest). */
export type InboundJob = { channel: Channel; chatId: string; messageId: string };
export type OutboundJob = { outboundId: string; channel: Channel; chatId: string };
export type AdvisoryJob = { advisoryId: string };
