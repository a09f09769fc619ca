/** The per-chat lock on the real Redis: one holder at a time, released only by its holder, renewed while held. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisChatLock } from '../../../src/queue/redis-chat-lock';
import { redisKeys } from '../../../src/queue/queue-names';
import { redisUrl, uniqueName } from '../../support/databases';

let redis: Redis;
const prefix = uniqueName('lock');
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis.quit();
});

describe('the Redis chat lock', () => {
  it('runs one holder of a chat at a time, other chats in parallel, and leaves no key behind', async () => {
    const lock = createRedisChatLock(redis, prefix);
    const order: string[] = [];
    const step = (name: string, ms: number) => async () => {
      order.push(`${name} in`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([
      lock.withLock('telegram', '1', step('a', 60)),
      lock.withLock('telegram', '1', step('b', 10)),
      lock.withLock('telegram', '2', step('c', 10)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    // b never overlaps a (same chat); c runs while a holds its chat's lock.
    expect(order.indexOf('b in')).toBeGreaterThan(order.indexOf('a out'));
    expect(order.indexOf('c in')).toBeLessThan(order.indexOf('a out'));
    expect(await redis.exists(redisKeys(prefix).chatLock('telegram', '1'))).toBe(0);
  });

  it('does not release a lock another holder took after its own expired, and renews its own while held', async () => {
    const lock = createRedisChatLock(redis, prefix, 300);
    const key = redisKeys(prefix).chatLock('telegram', '9');
    await lock.withLock('telegram', '9', async () => {
      // Held for longer than the TTL: the renewal keeps it.
      await new Promise((r) => setTimeout(r, 500));
      expect(await redis.exists(key)).toBe(1);
      // Someone else's token now (as if ours had expired and another process took it).
      await redis.set(key, 'other-holder', 'PX', 10_000);
    });
    expect(await redis.get(key)).toBe('other-holder');
    await redis.del(key);
  });
});
