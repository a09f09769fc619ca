/**
 * One long poller per bot: a second process in the telegram role (same Redis prefix, no webhook)
 * is refused before it calls Telegram at all, and the poller stops when another process takes its
 * lock. Webhook mode takes no lock. The real service on real Redis, against the fake Bot API.
 *
 * The second process talks to a fake of its own with the same bot token: Telegram would see the same
 * bot, and the fake's recorded calls are then exactly that process's calls.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RoleLockHeldError } from '../../../bots/role-lock';
import { redisKeys } from '../../../src/queue/queue-names';
import { redisUrl } from '../../support/databases';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { startTelegramApp, type TelegramHarness } from './telegram-harness';

const redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
afterAll(() => redis.quit());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function fakeApi(): Promise<FakeTelegram> {
  const fake = await startFakeTelegram();
  cleanups.push(() => fake.close());
  return fake;
}

/** A started app, stopped after the test unless the test stopped it (stopping twice is slow). */
async function app(...args: Parameters<typeof startTelegramApp>): Promise<TelegramHarness> {
  const h = await startTelegramApp(...args);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= h.stop());
  cleanups.push(stop);
  return { ...h, stop };
}

const lockKey = (h: TelegramHarness) => redisKeys(h.app.config.REDIS_PREFIX).roleLock('telegram');
/** Another process of the same installation: same Redis prefix (queues, locks) and same database. */
const sameInstallation = (h: TelegramHarness) => ({ REDIS_PREFIX: h.app.config.REDIS_PREFIX, MONGODB_URI: h.app.config.MONGODB_URI });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function telegramReadiness(h: TelegramHarness) {
  const res = await fetch(`${h.app.url}/readyz`);
  return { status: res.status, telegram: (await res.json()).checks.telegram };
}

describe('telegram long polling: one process per bot', () => {
  it('refuses a second poller naming the holder, without calling Telegram; a new one starts once the first stops', async () => {
    const fake = await fakeApi();
    const first = await app(fake, 'polling');
    await fake.waitFor('the first process to poll', () => fake.callsOf('getUpdates').length > 0);
    const holder = await redis.get(lockKey(first));
    expect(holder).toMatch(/ pid \d+ #/);
    const installation = sameInstallation(first);

    const other = await fakeApi();
    const refused = await startTelegramApp(other, 'polling', installation).then(
      async (h) => {
        await h.stop();
        return undefined;
      },
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(RoleLockHeldError);
    const message = (refused as Error).message;
    expect(message).toContain(`the telegram role is already running in another process (${holder})`);
    expect(message).toMatch(/only one process may run it\. Stop that process, or if it crashed wait 30 s/);
    expect(message).toMatch(/set TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET \(webhook mode\)/);
    await sleep(300);
    // Not a single call: no getUpdates, and no deleteWebhook or setMyCommands either.
    expect(other.calls.map((c) => c.method)).toEqual([]);

    // The first process polls on, untouched.
    expect(await redis.get(lockKey(first))).toBe(holder);
    expect(await first.exchange(fake.citizen().text('/start'))).not.toHaveLength(0);

    await first.stop();
    expect(await redis.get(lockKey(first))).toBeNull();
    const next = await app(other, 'polling', installation);
    await other.waitFor('the new process to poll', () => other.callsOf('getUpdates').some((c) => c.status === 200));
    const nextHolder = await redis.get(lockKey(next));
    expect(nextHolder).not.toBeNull();
    expect(nextHolder).not.toBe(holder);
    expect(await next.exchange(other.citizen({ id: 4_200_000_002 }).text('/start'))).not.toHaveLength(0);
  });

  it('stops polling when another process takes the lock over, and leaves that lock alone', async () => {
    const fake = await fakeApi();
    const h = await app(fake, 'polling', {}, { telegram: { lockTtlMs: 300 } });
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0);
    expect((await telegramReadiness(h)).status).toBe(200);

    await redis.set(lockKey(h), 'other-host pid 42 #feedbeef', 'PX', 10_000);
    const deadline = Date.now() + 5_000;
    let readiness = await telegramReadiness(h);
    while (readiness.telegram.polling !== false && Date.now() < deadline) {
      await sleep(50);
      readiness = await telegramReadiness(h);
    }
    expect(readiness).toEqual({
      status: 503,
      telegram: {
        state: 'down',
        mode: 'polling',
        registered: true,
        polling: false,
        detail: 'another process polls this bot now (other-host pid 42 #feedbeef)',
      },
    });

    const polled = fake.callsOf('getUpdates').length;
    await sleep(800);
    expect(fake.callsOf('getUpdates')).toHaveLength(polled);
    // Stopping sends no confirming getUpdates (it would cut the new poller's long poll short) and
    // deletes only its own lock.
    await h.stop();
    expect(fake.callsOf('getUpdates')).toHaveLength(polled);
    expect(await redis.get(lockKey(h))).toBe('other-host pid 42 #feedbeef');
  });

  it('takes no lock in webhook mode: several telegram processes may run', async () => {
    const fake = await fakeApi();
    const first = await app(fake, 'webhook');
    const second = await app(fake, 'webhook', sameInstallation(first));
    expect(await redis.get(lockKey(first))).toBeNull();
    expect(fake.callsOf('setWebhook')).toHaveLength(2);
    expect(fake.callsOf('getUpdates')).toEqual([]);
    expect(await second.exchange(fake.citizen().text('/start'))).not.toHaveLength(0);
  });
});
