/**
 * The outbound job: send one recorded message through its channel's sender, at most once per
 * outboundId, and record the delivery state. Platform refusals become retry decisions here.
 */
import type { ChannelSender, EventBus, IdentityStore, OutboundLog, OutboundRecord } from '../../domain/ports';
import { infrastructureRetryDelayMs, isInfrastructureFault } from '../../domain/infrastructure-fault';
import { RateLimitedError, RecipientUnreachableError, UndeliverableError } from '../../domain/ports';
import type { Logger } from '../../log/logger';
import type { Channel } from '../../domain/message';

export type DeliveryDecision =
  { kind: 'done' } | { kind: 'retry_later'; delayMs: number; reason: string } | { kind: 'give_up'; reason: string };

export function createDeliverOutbound(deps: {
  outbound: OutboundLog;
  identities: IdentityStore;
  sender: ChannelSender;
  events?: EventBus;
  logger: Logger;
  /** Told after the platform took a message, and when one is given up: for the metrics. */
  onSent?: (channel: string) => void;
  onGaveUp?: (channel: string) => void;
}) {
  /** `to`: the chat, when the caller knows it (the job does), so the sender's checks run before the claim. */
  return async function deliver(outboundId: string, to?: { channel: Channel; chatId: string }): Promise<DeliveryDecision> {
    if (to && deps.sender.waitForTurn) {
      try {
        await deps.sender.waitForTurn({ outboundId, ...to });
      } catch (err) {
        if (err instanceof RateLimitedError) return { kind: 'retry_later', delayMs: err.retryAfterMs, reason: err.message };
        throw err;
      }
    }
    // Claim before send: a message is handed to the platform by one attempt only. The claim reads
    // the message in the same round trip.
    const now = new Date();
    const claim = await deps.outbound.claim(outboundId, now, new Date(now.getTime() - CLAIM_TTL_MS));
    if (claim.outcome === 'missing') return { kind: 'give_up', reason: `outbound ${outboundId} is not recorded` };
    const record = claim.record;
    if (claim.outcome === 'not_sendable') return { kind: 'done' };
    if (claim.outcome === 'in_flight')
      return { kind: 'retry_later', delayMs: 5_000, reason: `${outboundId} is being sent by another attempt` };
    if (claim.outcome === 'unconfirmed') {
      // The rule (docs/delivery-guarantees.md): an attempt claimed it and died between the platform
      // call and recording its outcome; the platform may have delivered it. Never sent twice: it is
      // marked failed for the operator, not sent again.
      deps.logger.warn(`outbound ${outboundId}: an earlier send's outcome was never recorded; not sent again`);
      await deps.outbound.setState(outboundId, 'failed', { error: 'unconfirmed: the outcome of an earlier send was not recorded' });
      deps.onGaveUp?.(record.channel);
      return { kind: 'give_up', reason: 'unconfirmed earlier send' };
    }
    let sent: { platformMessageId?: string };
    try {
      sent = await deps.sender.send(record);
    } catch (err) {
      await deps.outbound.releaseClaim(outboundId).catch(() => undefined);
      return refusal(record, err);
    }
    // The platform has it: record that, waiting out a MongoDB outage here rather than letting a
    // retry of the job face an unconfirmed claim.
    deps.onSent?.(record.channel);
    await untilRecorded(() =>
      deps.outbound.setState(outboundId, 'sent', sent.platformMessageId ? { platformMessageId: sent.platformMessageId } : {}),
    );
    return { kind: 'done' };
  };

  /** What a platform's refusal means for the message: retry later, or give up and record why. */
  async function refusal(record: OutboundRecord, err: unknown): Promise<DeliveryDecision> {
    const { outboundId } = record;
    if (err instanceof RateLimitedError) return { kind: 'retry_later', delayMs: err.retryAfterMs, reason: err.message };
    if (err instanceof RecipientUnreachableError) {
      await deps.identities.markUnreachable(record.channel, record.chatId);
      await deps.outbound.setState(outboundId, 'undeliverable', { error: err.message });
      deps.onGaveUp?.(record.channel);
      deps.logger.warn(`citizen unreachable on ${record.channel}: ${err.message}`);
      return { kind: 'give_up', reason: err.message };
    }
    if (err instanceof UndeliverableError) {
      await deps.outbound.setState(outboundId, 'undeliverable', { error: err.message });
      deps.onGaveUp?.(record.channel);
      return { kind: 'give_up', reason: err.message };
    }
    throw err;
  }
}

/** A claim older than this, still without an outcome, is an attempt that died mid-send. */
export const CLAIM_TTL_MS = 60_000;
/** How long a send's outcome is retried against an unreachable MongoDB before the job gives the claim up to the rule. */
const RECORD_OUTCOME_FOR_MS = 15 * 60_000;

async function untilRecorded(write: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + RECORD_OUTCOME_FOR_MS;
  for (let retry = 0; ; retry++) {
    try {
      return await write();
    } catch (err) {
      if (!isInfrastructureFault(err) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, infrastructureRetryDelayMs(retry)));
    }
  }
}
