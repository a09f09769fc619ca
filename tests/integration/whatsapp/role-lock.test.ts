/** One process per WhatsApp number: the role lock on the real Redis. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRoleLock, RoleLockHeldError } from '../../../bots/role-lock';
import { createLogger } from '../../../src/log/logger';
import { redisUrl, uniqueName } from '../../support/databases';

const redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
const logger = createLogger({ level: 'error', json: true, silent: !process.env.TEST_LOGS });
afterAll(() => redis.quit());

const lockOn = (key: string, extra: { ttlMs?: number; onLost?: (holder: string) => void } = {}) =>
  createRoleLock({ redis, key, role: 'whatsapp', logger, ...extra });

describe('whatsapp role lock', () => {
  it('refuses a second holder with a message naming the first and what to do', async () => {
    const key = uniqueName('lock');
    const first = lockOn(key);
    const second = lockOn(key);
    await first.acquire();
    const refused = await second.acquire().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(RoleLockHeldError);
    expect((refused as Error).message).toContain(first.holder);
    expect((refused as Error).message).toMatch(/already running in another process.*only one process may run it/);
    await first.release();
    await second.acquire();
    expect(await redis.get(key)).toBe(second.holder);
    await second.release();
    expect(await redis.get(key)).toBeNull();
  });

  it('is renewed while held, so it outlives its TTL', async () => {
    const key = uniqueName('lock');
    const first = lockOn(key, { ttlMs: 300 });
    await first.acquire();
    await new Promise((r) => setTimeout(r, 1_000));
    await expect(lockOn(key).acquire()).rejects.toBeInstanceOf(RoleLockHeldError);
    await first.release();
  });

  it('tells its holder when another process took it over', async () => {
    const key = uniqueName('lock');
    let lostTo: string | undefined;
    const first = lockOn(key, { ttlMs: 300, onLost: (holder) => (lostTo = holder) });
    await first.acquire();
    await redis.set(key, 'other-host pid 42', 'PX', 10_000);
    const deadline = Date.now() + 5_000;
    while (!lostTo && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(lostTo).toBe('other-host pid 42');
    // Releasing never deletes someone else's lock.
    await first.release();
    expect(await redis.get(key)).toBe('other-host pid 42');
  });
});
