/**
 * Sends recorded outbound messages through the Cloud API. Notifications (status updates, advisories)
 * to a citizen outside the 24-hour window go out as the approved template or not at all, never as
 * free text. Meta's refusals become the delivery errors of src/domain/ports.
 */
import type { Redis } from 'ioredis';
import type { ChannelSender, OutboundLog, OutboundRecord } from '../../src/domain/ports';
import { UndeliverableError } from '../../src/domain/ports';
import { createChatOrder } from '../../src/app/intake/chat-order';
import type { Logger } from '../../src/log/logger';
import { isWindowOpen } from './customer-window';
import { GraphApiError, type GraphClient } from './graph-api.client';
import { classifySendError, REENGAGEMENT_CODE } from './graph-errors';
import { buildMessageBody, buildTemplateBody } from './outbound-payload';

export type WhatsappCloudSenderDeps = {
  graph: GraphClient;
  outbound: OutboundLog;
  /** When the citizen of a chat last wrote (undefined: never, or unknown). */
  lastInboundAt: (chatId: string) => Promise<Date | undefined>;
  redis: Redis;
  /** Prefix of this channel's Redis keys (under REDIS_PREFIX). */
  keyPrefix: string;
  /** Approved template for notifications outside the window; unset: such notifications are undeliverable. */
  statusTemplate?: string;
  /** Whether the API version has interactive location request messages. */
  locationRequest: boolean;
  logger: Logger;
  now?: () => Date;
};

/** How long a reply waits for the one before it in the same dialog turn, and how often it looks. */
const ORDER_WAIT_MAX_MS = 30_000;
const ORDER_RECHECK_MS = 250;
const THROTTLE_COUNTER_TTL_S = 3600;

const isNotification = (msg: OutboundRecord) => msg.purpose === 'status-update' || msg.purpose === 'advisory';


export function createWhatsappCloudSender(deps: WhatsappCloudSenderDeps): ChannelSender {
  const now = deps.now ?? (() => new Date());

  /**
   * Several replies of one turn are separate jobs run concurrently (the worker needs concurrency for
   * 80 messages/s): a later message waits until the earlier ones to the chat have been accepted by
   * Meta, so the citizen reads them in order (src/app/intake/chat-order.ts, shared with Telegram).
   * Bounded, so a lost earlier message cannot hold the rest forever.
   */
  const waitForPreviousReply = createChatOrder(deps.outbound, { waitLimitMs: ORDER_WAIT_MAX_MS, recheckMs: ORDER_RECHECK_MS, now });

  const nthThrottle = (outboundId: string) => async () => {
    const key = `${deps.keyPrefix}:throttled:${outboundId}`;
    const [[, n]] = (await deps.redis.multi().incr(key).expire(key, THROTTLE_COUNTER_TTL_S).exec()) as [[Error | null, number]];
    return n;
  };

  async function post(msg: OutboundRecord, body: Record<string, unknown>) {
    try {
      const { messageId } = await deps.graph.sendMessage(body);
      return { platformMessageId: messageId };
    } catch (err) {
      throw await classifySendError(err, nthThrottle(msg.outboundId));
    }
  }

  async function sendTemplate(msg: OutboundRecord, why: string) {
    if (!deps.statusTemplate) throw new UndeliverableError(`${why}, and no WHATSAPP_STATUS_TEMPLATE is configured: not sent`);
    deps.logger.info(`whatsapp-cloud: ${msg.outboundId} sent as template ${deps.statusTemplate} (${why})`);
    return post(msg, buildTemplateBody(msg.chatId, deps.statusTemplate, msg.text));
  }

  return {
    channel: 'whatsapp-cloud',
    // Before the claim (deliver-outbound.ts): the chat's earlier replies first.
    waitForTurn: (msg) => waitForPreviousReply(msg),
    async send(msg) {
      if (isNotification(msg) && !isWindowOpen(await deps.lastInboundAt(msg.chatId), now()))
        return sendTemplate(msg, 'the citizen last wrote more than 24 hours ago');
      try {
        const { messageId } = await deps.graph.sendMessage(buildMessageBody(msg, { locationRequest: deps.locationRequest }));
        return { platformMessageId: messageId };
      } catch (err) {
        // The window closed between our check and Meta's (clock skew, a retry hours later).
        if (err instanceof GraphApiError && err.code === REENGAGEMENT_CODE && isNotification(msg))
          return sendTemplate(msg, 'Meta reports the 24-hour window closed');
        throw await classifySendError(err, nthThrottle(msg.outboundId));
      }
    },
  };
}
