/**
 * The service started against the fake Bot API in webhook or long-polling mode, and what a test
 * needs to talk to it like Telegram does: deliver an update, wait until the bot has answered it.
 */
import type { FakeTelegram, Json, Update } from '../../support/fake-telegram-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import type { StartOverrides } from '../../../src/main';
import { storedKeys } from '../../support/stored-keys';

export type Mode = 'webhook' | 'polling';

export const WEBHOOK_SECRET = 'webhook_secret-for-tests_0123';
export const WEBHOOK_PUBLIC_URL = 'https://vicinato.comune.example/webhooks/telegram';

export type TelegramHarness = {
  app: TestApp;
  fake: FakeTelegram;
  mode: Mode;
  /** Delivers an update the way Telegram would in this mode (webhook POST, or getUpdates). */
  deliver(update: Update): Promise<void>;
  /** Delivers and waits until the message is processed and every reply reached the fake. */
  exchange(update: Update): Promise<Array<Json>>;
  stop(): Promise<void>;
};

/** POSTs an update to the webhook like Telegram does; the right secret header unless told otherwise (null: none). */
export function postUpdate(appUrl: string, update: unknown, secret: string | null = WEBHOOK_SECRET) {
  return fetch(`${appUrl}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(update),
  });
}

/** The inbox key the adapter gives an update (chat:message, or cb:<callback id>). */
export function inboxKey(update: Update): string {
  if (update.message) return `${update.message.chat.id}:${update.message.message_id}`;
  if (update.callback_query) return `cb:${update.callback_query.id}`;
  throw new Error('update without a message');
}

export function chatOf(update: Update): number {
  return update.message?.chat.id ?? update.callback_query?.message?.chat.id;
}

export async function startTelegramApp(
  fake: FakeTelegram,
  mode: Mode,
  settings: Record<string, string> = {},
  overrides: StartOverrides = {},
): Promise<TelegramHarness> {
  const app = await startTestApp(
    {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      SERVICES: 'web,worker,telegram',
      ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_URL: WEBHOOK_PUBLIC_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
      ...settings,
    },
    overrides,
  );

  const deliver = async (update: Update) => {
    if (mode === 'polling') return fake.push(update);
    const res = await postUpdate(app.url, update);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  };

  /** Waits until the message is processed and each of its replies was accepted by the fake. */
  const answered = async (update: Update) => {
    const key = inboxKey(update);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const record = await app.storage.inbox.get('telegram', key);
      if (record && record.state !== 'received') {
        const replies = await app.storage.outbound.listReplies('telegram', key);
        if (replies.every((r) => r.state !== 'queued')) {
          const sent = fake.sentTo(chatOf(update));
          const keys = storedKeys(app.config);
          return replies.flatMap((r) => sent.filter((s) => keys.sentRef(String(s.message_id)) === r.platformMessageId));
        }
      }
      if (Date.now() > deadline) throw new Error(`no complete answer to ${key} within 15 s (inbox state ${record?.state ?? 'absent'})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    app,
    fake,
    mode,
    deliver,
    async exchange(update) {
      await deliver(update);
      return answered(update);
    },
    stop: () => app.stop(),
  };
}
