/**
 * The Telegram channel (telegraf's Bot API client): updates become InboundMessages, outbound
 * messages become sendMessage calls with keyboards. The only code that imports telegraf.
 *
 * Where each part runs:
 * - webhook mode (TELEGRAM_WEBHOOK_URL set): the web role serves POST /webhooks/telegram; the
 *   telegram role registers the webhook with its secret;
 * - long polling (no webhook URL): the telegram role polls;
 * - the telegram role also runs the outbound worker (main.ts) and sets the command menu.
 */
import { redisKeys } from '../../src/queue/queue-names';
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';
import { createChatThrottle } from './chat-throttle';
import { createUpdateHandler } from './handle-update';
import { createLongPolling, type LongPolling } from './long-polling';
import { createTelegramSender } from './outbound-sender';
import { createRegistration, type Delivery } from './register-bot';
import { createTelegramApi } from './telegram-api';
import { telegramWebhookRouter } from './webhook.routes';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** Telegram's documented limits: about 30 messages/s for the bot, about 1/s per chat (short bursts tolerated). */
const OUTBOUND_PER_SECOND = 30;
const CHAT_INTERVAL_MS = 1_000;
const CHAT_BURST = 3;

export function createTelegramChannel(ctx: ChannelContext): ChannelModule | undefined {
  const { config, logger } = ctx;
  if (!config.telegramEnabled || !config.TELEGRAM_BOT_TOKEN) return undefined;

  const api = createTelegramApi(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
  const delivery: Delivery =
    config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
      ? { mode: 'webhook', url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
      : { mode: 'polling' };
  const isTelegramRole = ctx.roles.includes('telegram');
  if (delivery.mode === 'webhook' && !new URL(delivery.url).pathname.endsWith(TELEGRAM_WEBHOOK_PATH))
    logger.warn(`TELEGRAM_WEBHOOK_URL does not end in ${TELEGRAM_WEBHOOK_PATH}: make sure your proxy forwards it there`);
  const registration = createRegistration({ api, delivery, logger });

  // The web role (webhook mode) may never run the registration: ask getMe once, when needed.
  let me: Promise<string | undefined> | undefined;
  const botUsername = async () =>
    registration.botUsername() ??
    (me ??= api.getMe().then(
      (bot) => bot.username,
      () => (me = undefined),
    ));

  const handleUpdate = createUpdateHandler({ ctx, api, botUsername });
  const polling: LongPolling | undefined =
    delivery.mode === 'polling' && isTelegramRole ? createLongPolling({ api, handleUpdate, logger }) : undefined;

  const keys = redisKeys(config.REDIS_PREFIX);
  const sender = createTelegramSender({
    api,
    outbound: ctx.outbound,
    throttle: createChatThrottle(ctx.redis, { intervalMs: CHAT_INTERVAL_MS, burst: CHAT_BURST }),
    throttleKey: (chatId) => keys.chatThrottle('telegram', chatId),
  });

  return {
    channel: 'telegram',
    sender,
    outboundLimiter: { max: OUTBOUND_PER_SECOND, duration: 1_000 },
    ...(delivery.mode === 'webhook'
      ? { http: { mountPath: TELEGRAM_WEBHOOK_PATH, router: telegramWebhookRouter({ secret: delivery.secret, handleUpdate, logger }) } }
      : {}),
    ...(isTelegramRole
      ? {
          readiness: {
            name: 'telegram',
            check: async () => registration.done() && (polling ? polling.healthy() : true),
            details: () => ({ mode: delivery.mode, registered: registration.done(), polling: polling?.healthy() }),
          },
        }
      : {}),
    async start() {
      if (!isTelegramRole) return;
      await registration.start();
      polling?.start();
    },
    async stop() {
      registration.stop();
      await polling?.stop();
    },
  };
}
