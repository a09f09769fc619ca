/**
 * The Telegram channel (telegraf's Bot API client): updates become InboundMessages, outbound
 * messages become sendMessage calls with keyboards. The only code that imports telegraf.
 *
 * Where each part runs:
 * - webhook mode (TELEGRAM_WEBHOOK_URL set): the web role serves POST /webhooks/telegram; the
 *   telegram role registers the webhook with its secret;
 * - long polling (no webhook URL): the telegram role polls, in one process only (a Redis lock: a
 *   second poller would get 409 Conflict and fight over the offset); a second process is refused;
 * - the telegram role also runs the outbound worker (main.ts) and sets the command menu.
 */
import { redisKeys } from '../../src/queue/queue-names';
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';
import { createRoleLock, type RoleLock } from '../role-lock';
import { createChatThrottle } from './chat-throttle';
import { createUpdateHandler } from './handle-update';
import { createLongPolling, type LongPolling } from './long-polling';
import { createTelegramSender } from './outbound-sender';
import { createRegistration, type Delivery } from './register-bot';
import { createTelegramApi } from './telegram-api';
import { telegramWebhookRouter } from './webhook.routes';
import { publicRateLimit } from '../../src/panel/rate-limit';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

export type TelegramChannelOptions = {
  /** Lifetime of the long-polling role lock without renewal. @defaultValue 30000 */
  lockTtlMs?: number;
};

/** Telegram's documented limits: about 30 messages/s for the bot, about 1/s per chat (short bursts tolerated). */
const OUTBOUND_PER_SECOND = 30;
const CHAT_INTERVAL_MS = 1_000;
const CHAT_BURST = 3;

export function createTelegramChannel(ctx: ChannelContext, options: TelegramChannelOptions = {}): ChannelModule | undefined {
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
  // Webhook mode needs no lock: Telegram pushes each update to one web process.
  let lostTo: string | undefined;
  const lock: RoleLock | undefined = polling
    ? createRoleLock({
        redis: ctx.redis,
        key: keys.roleLock('telegram'),
        role: 'telegram',
        logger,
        ttlMs: options.lockTtlMs,
        hint: 'In long polling only one process may poll a bot; to run the telegram role in several processes, set TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (webhook mode).',
        onLost: (holder) => {
          lostTo = holder;
          logger.error(
            `telegram: long polling stopped, another process polls this bot now (${holder}); /readyz reports telegram down until this process restarts`,
          );
          void polling?.stop({ confirm: false });
        },
      })
    : undefined;
  let locked = false;

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
      ? {
          http: {
            mountPath: TELEGRAM_WEBHOOK_PATH,
            router: telegramWebhookRouter({
              secret: delivery.secret,
              handleUpdate,
              logger,
              rateLimit: publicRateLimit({
                redis: ctx.redis,
                keyPrefix: `${ctx.config.REDIS_PREFIX}:ratelimit:webhook-telegram:`,
                perMinute: ctx.config.WEBHOOK_RATE_LIMIT_PER_MINUTE,
                refuse: (res) => void res.status(429).json({ error: 'too many requests' }),
              }),
            }),
          },
        }
      : {}),
    ...(isTelegramRole
      ? {
          readiness: {
            name: 'telegram',
            check: async () => registration.done() && (polling ? polling.healthy() : true),
            details: () => ({
              mode: delivery.mode,
              registered: registration.done(),
              polling: polling?.healthy(),
              ...(lostTo ? { detail: `another process polls this bot now (${lostTo})` } : {}),
            }),
          },
        }
      : {}),
    async start() {
      if (!isTelegramRole) return;
      // Before any Telegram call: a refused process touches neither the webhook nor getUpdates.
      if (lock) {
        try {
          await lock.acquire();
        } catch (err) {
          logger.error(`telegram: long polling not started: ${(err as Error).message}`);
          throw err;
        }
        locked = true;
      }
      await registration.start();
      polling?.start();
    },
    async stop() {
      registration.stop();
      await polling?.stop();
      if (!locked) return;
      locked = false;
      // Released once polling has stopped, so the next poller never meets this one's last getUpdates.
      await lock?.release().catch((err: Error) => logger.warn(`telegram: releasing the role lock failed: ${err.message}`));
    },
  };
}
