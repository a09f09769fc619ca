/**
 * What the telegram role tells Telegram at start: who the bot is (getMe, which also proves the
 * token), where updates go (setWebhook with the secret, or deleteWebhook for long polling, keeping
 * pending updates), and the command menu in Italian (default) and English. If Telegram cannot be
 * reached, it keeps trying in the background; /readyz reports the bot not ready meanwhile.
 */
import type { Logger } from '../../src/log/logger';
import { commandMenu } from './commands';
import { ALLOWED_UPDATES } from './long-polling';
import type { TelegramApi } from './telegram-api';

export type Registration = {
  /** First attempt awaited; on failure the next ones run in the background. */
  start(): Promise<void>;
  stop(): void;
  done(): boolean;
  botUsername(): string | undefined;
};

export type Delivery = { mode: 'webhook'; url: string; secret: string } | { mode: 'polling' };

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

async function registerCommands(api: TelegramApi) {
  const scope = { type: 'all_private_chats' as const };
  await api.setMyCommands(commandMenu('it'), { scope });
  await api.setMyCommands(commandMenu('it'), { scope, language_code: 'it' });
  await api.setMyCommands(commandMenu('en'), { scope, language_code: 'en' });
}

export function createRegistration(deps: { api: TelegramApi; delivery: Delivery; logger: Logger }): Registration {
  const { api, delivery, logger } = deps;
  let username: string | undefined;
  let registered = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const attempt = async () => {
    const me = await api.getMe();
    username = me.username;
    if (delivery.mode === 'webhook') {
      await api.setWebhook(delivery.url, { secret_token: delivery.secret, allowed_updates: [...ALLOWED_UPDATES] });
    } else {
      await api.deleteWebhook({ drop_pending_updates: false });
    }
    await registerCommands(api);
    registered = true;
    logger.info(`telegram bot @${username} registered (${delivery.mode === 'webhook' ? 'webhook' : 'long polling'})`);
  };

  const retry = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      attempt().catch((err: Error) => {
        const next = Math.min(RETRY_MAX_MS, delayMs * 2);
        logger.error(`telegram registration failed, retrying in ${Math.round(next / 1000)} s: ${err.message}`);
        retry(next);
      });
    }, delayMs);
    timer.unref();
  };

  return {
    async start() {
      try {
        await attempt();
      } catch (err) {
        logger.error(
          `telegram registration failed (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT), retrying in ${RETRY_MIN_MS / 1000} s: ${(err as Error).message}`,
        );
        retry(RETRY_MIN_MS);
      }
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    done: () => registered,
    botUsername: () => username,
  };
}
