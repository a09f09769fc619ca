/**
 * Port of outbound messages: the log of what we send (recorded before it is queued) and the
 * per-channel senders with the refusals they may answer. The log is implemented by src/storage,
 * the senders by bots/<channel>.
 */
import type { Channel, OutboundMessage } from '../message';

export type OutboundState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undeliverable';

export type OutboundRecord = OutboundMessage & {
  state: OutboundState;
  seq: number;
  createdAt: Date;
  platformMessageId?: string;
  error?: string;
};

/**
 * A claim's outcome; a successful claim carries the message (read in the same round trip), and
 * 'missing' means no message has that outboundId.
 */
export type ClaimOutcome =
  | { outcome: 'claimed'; record: OutboundRecord }
  | { outcome: 'in_flight' | 'unconfirmed' | 'not_sendable'; record: OutboundRecord }
  | { outcome: 'missing' };

export interface OutboundLog {
  /** Records the message once per outboundId; returns false if it was already recorded. */
  record(msg: OutboundMessage): Promise<boolean>;
  /** Records several messages of one turn in order (each once per outboundId), in two round trips. */
  recordAll(msgs: OutboundMessage[]): Promise<void>;
  get(outboundId: string): Promise<OutboundRecord | null>;
  /**
   * Claims the message for one send before the platform call (claim before send). 'claimed': go
   * ahead; 'in_flight': another attempt claimed it after `staleBefore` and may still be sending;
   * 'unconfirmed': an earlier claim's outcome was never recorded (see docs/delivery-guarantees.md);
   * 'not_sendable': already sent, or refused for good.
   */
  claim(outboundId: string, now: Date, staleBefore: Date): Promise<ClaimOutcome>;
  /** Drops the claim after a send the platform refused (so a later attempt may send). */
  releaseClaim(outboundId: string): Promise<void>;
  setState(outboundId: string, state: OutboundState, extra?: { platformMessageId?: string; error?: string }): Promise<void>;
  setStateByPlatformId(channel: Channel, platformMessageId: string, state: OutboundState): Promise<void>;
  listForChat(channel: Channel, chatId: string): Promise<OutboundRecord[]>;
  /** The oldest message to the chat recorded before `seq` (and after `since`) that is still queued: per-chat order. */
  oldestQueuedBefore(channel: Channel, chatId: string, seq: number, since: Date): Promise<OutboundRecord | null>;
  /** Messages still queued (not confirmed sent) recorded before `before`, oldest first per chat (the reconciler's scan). */
  listQueued(before: Date, limit: number): Promise<OutboundRecord[]>;
  /** The dialog replies to one inbound message, in order. */
  listReplies(channel: Channel, inReplyTo: string): Promise<OutboundRecord[]>;
  listForReport(reportId: string): Promise<OutboundRecord[]>;
}

/** Sends one message on a platform. Implemented in bots/<channel>; the engine never sees it. */
export interface ChannelSender {
  channel: Channel;
  /**
   * What must hold before the message is claimed (the chat's earlier messages sent, a per-chat
   * budget): throws RateLimitedError to come back later. Run before the claim, so a worker that
   * hangs or dies while waiting here leaves the message unclaimed and simply sendable again.
   */
  waitForTurn?(msg: { outboundId: string; channel: Channel; chatId: string }): Promise<void>;
  send(msg: OutboundRecord): Promise<{ platformMessageId?: string }>;
}

/** The platform asked us to slow down: retry after `retryAfterMs` without counting an attempt. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** The citizen cannot be reached on this channel any more (blocked the bot, number gone). */
export class RecipientUnreachableError extends Error {
  override name = 'RecipientUnreachableError';
}

/** The platform refuses this message for good (e.g. outside WhatsApp's 24-hour window without a template). */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}
