/**
 * The outbound job: send one recorded message through its channel's sender, at most once per
 * outboundId, and record the delivery state. Platform refusals become retry decisions here.
 */
import type { ChannelSender, EventBus, IdentityStore, OutboundLog } from '../../domain/ports';
import { RateLimitedError, RecipientUnreachableError, UndeliverableError } from '../../domain/ports';
import type { Logger } from '../../log/logger';

export type DeliveryDecision =
  | { kind: 'done' }
  | { kind: 'retry_later'; delayMs: number; reason: string }
  | { kind: 'give_up'; reason: string };

export function createDeliverOutbound(deps: {
  outbound: OutboundLog;
  identities: IdentityStore;
  sender: ChannelSender;
  events?: EventBus;
  logger: Logger;
}) {
  return async function deliver(outboundId: string): Promise<DeliveryDecision> {
    const record = await deps.outbound.get(outboundId);
    if (!record) return { kind: 'give_up', reason: `outbound ${outboundId} is not recorded` };
    if (record.state !== 'queued' && record.state !== 'failed') return { kind: 'done' };
    try {
      const { platformMessageId } = await deps.sender.send(record);
      await deps.outbound.setState(outboundId, 'sent', platformMessageId ? { platformMessageId } : {});
      return { kind: 'done' };
    } catch (err) {
      if (err instanceof RateLimitedError) return { kind: 'retry_later', delayMs: err.retryAfterMs, reason: err.message };
      if (err instanceof RecipientUnreachableError) {
        await deps.identities.markUnreachable(record.channel, record.chatId);
        await deps.outbound.setState(outboundId, 'undeliverable', { error: err.message });
        deps.logger.warn(`citizen unreachable on ${record.channel}: ${err.message}`);
        return { kind: 'give_up', reason: err.message };
      }
      if (err instanceof UndeliverableError) {
        await deps.outbound.setState(outboundId, 'undeliverable', { error: err.message });
        return { kind: 'give_up', reason: err.message };
      }
      throw err;
    }
  };
}
