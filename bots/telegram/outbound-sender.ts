/**
 * Sends one recorded outbound message with the Bot API, within Telegram's limits. Every "not now"
 * becomes a RateLimitedError (the outbound job waits without using an attempt):
 * - an earlier message to the same chat is still queued: keep the chat's messages in order
 *   (src/app/intake/chat-order.ts, shared with the Cloud API);
 * - the chat's one-a-second budget is spent (shared through Redis);
 * - Telegram answered 429: wait retry_after.
 * A blocked bot (403) or a chat that does not exist makes the citizen unreachable; other refusals
 * are permanent; network errors and 5xx are thrown and retried with backoff by the queue.
 */
import type { OutboundLog, ChannelSender } from '../../src/domain/ports';
import { createChatOrder } from '../../src/app/intake/chat-order';
import { RateLimitedError, RecipientUnreachableError, UndeliverableError } from '../../src/domain/ports';
import type { ChatThrottle } from './chat-throttle';
import { replyMarkupFor } from './keyboard';
import { classifyApiError, type TelegramApi } from './telegram-api';

const MAX_TEXT = 4096;
/** How long a message waits behind an earlier one still queued for the same chat. */
const ORDER_WAIT_LIMIT_MS = 60_000;
const ORDER_FRESH_MS = 3_000;
const ORDER_INLINE_WAIT_MS = 500;
const ORDER_RECHECK_MS = 250;
const ORDER_RECHECK_SLOW_MS = 1_000;

/** Telegram refuses texts over 4096 characters: split on a line break or a space when possible. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    let at = cut > max / 2 ? cut : max;
    if (/[\uD800-\uDBFF]/.test(rest[at - 1] ?? '')) at--; // never split an emoji's surrogate pair
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts;
}

export function createTelegramSender(deps: {
  api: TelegramApi;
  outbound: OutboundLog;
  throttle: ChatThrottle;
  throttleKey(chatId: string): string;
  now?: () => Date;
}): ChannelSender {
  const now = deps.now ?? (() => new Date());

  // The replies of one dialog turn are queued together and picked up by parallel jobs: a later one
  // waits here a moment for an earlier one that is probably being sent right now. An earlier one
  // that has been waiting longer (delayed by a 429, a retry) is waited for from the queue instead.
  const waitForEarlierMessages = createChatOrder(deps.outbound, {
    waitLimitMs: ORDER_WAIT_LIMIT_MS,
    freshMs: ORDER_FRESH_MS,
    inlineWaitMs: ORDER_INLINE_WAIT_MS,
    recheckMs: ORDER_RECHECK_MS,
    recheckSlowMs: ORDER_RECHECK_SLOW_MS,
    now,
  });

  return {
    channel: 'telegram',
    // Before the claim (deliver-outbound.ts): order first, then the chat's one-a-second budget.
    async waitForTurn(msg) {
      await waitForEarlierMessages(msg);
      const wait = await deps.throttle.take(deps.throttleKey(msg.chatId));
      if (wait > 0) throw new RateLimitedError('per-chat limit (1 message/s)', wait);
    },
    async send(msg) {
      const parts = splitText(msg.text);
      try {
        let messageId = 0;
        for (const [i, part] of parts.entries()) {
          const sent = await deps.api.sendMessage(msg.chatId, part, {
            // The keyboard goes with the last part, under the question it answers.
            ...(i === parts.length - 1 ? { reply_markup: replyMarkupFor(msg) } : {}),
            link_preview_options: { is_disabled: true },
          });
          messageId = sent.message_id;
        }
        return { platformMessageId: String(messageId) };
      } catch (err) {
        const failure = classifyApiError(err);
        switch (failure.kind) {
          case 'rate_limited':
            throw new RateLimitedError('Telegram answered 429 Too Many Requests', failure.retryAfterMs);
          case 'forbidden':
          case 'chat_not_found':
            throw new RecipientUnreachableError(`Telegram: ${failure.description}`);
          case 'rejected':
            throw new UndeliverableError(`Telegram refused the message (${failure.code}): ${failure.description}`);
          case 'transient':
            throw err;
        }
      }
    },
  };
}
