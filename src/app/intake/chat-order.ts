/**
 * Per-chat order of outbound messages, kept in one place for every channel whose sends run as
 * parallel jobs (Telegram, the Cloud API): a message waits while an earlier message to the same
 * chat (lower seq) is still queued, so the citizen reads them in the order they were recorded.
 * The wait is bounded: an earlier message older than `waitLimitMs` (lost, or stuck behind a long
 * platform delay) no longer holds the rest. "Wait" means a RateLimitedError: the outbound job
 * comes back later without using an attempt. One indexed query per check, never the chat's history.
 */
import { RateLimitedError, type OutboundLog, type OutboundRecord } from '../../domain/ports';

export type ChatOrderOptions = {
  /** An earlier message older than this no longer holds later ones. */
  waitLimitMs: number;
  /** How long to wait in place (polling) for an earlier message that is probably being sent now. */
  inlineWaitMs?: number;
  /** An earlier message younger than this counts as "being sent now" (waited for in place, rechecked soon). */
  freshMs?: number;
  pollMs?: number;
  /** When the job comes back for a fresh earlier message, and for an older one. */
  recheckMs: number;
  recheckSlowMs?: number;
  now?: () => Date;
};

type ChatMessage = Pick<OutboundRecord, 'outboundId' | 'channel' | 'chatId'> & { seq?: number };

export function createChatOrder(outbound: Pick<OutboundLog, 'oldestQueuedBefore'>, opts: ChatOrderOptions) {
  const now = opts.now ?? (() => new Date());
  const inlineWaitMs = opts.inlineWaitMs ?? 0;
  const pollMs = opts.pollMs ?? 40;
  const freshMs = opts.freshMs ?? opts.waitLimitMs;

  // Without its seq (checked before the message is read), a message goes when it is the chat's oldest
  // one still queued.
  const earlierStillQueued = (msg: ChatMessage) =>
    outbound.oldestQueuedBefore(msg.channel, msg.chatId, msg.seq ?? Number.MAX_SAFE_INTEGER, new Date(now().getTime() - opts.waitLimitMs));

  /** Resolves when no earlier message of the chat is still queued; throws RateLimitedError to come back later. */
  return async function waitForEarlierMessages(msg: ChatMessage): Promise<void> {
    for (let waited = 0; ; waited += pollMs) {
      const earlier = await earlierStillQueued(msg);
      if (!earlier || earlier.outboundId === msg.outboundId) return;
      const fresh = now().getTime() - new Date(earlier.createdAt).getTime() < freshMs;
      if (!fresh || waited >= inlineWaitMs)
        throw new RateLimitedError(
          `waiting for ${earlier.outboundId}, an earlier message to this chat, to be sent first`,
          fresh ? opts.recheckMs : (opts.recheckSlowMs ?? opts.recheckMs),
        );
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
}
