/**
 * Rate limits of the public endpoints (Open311, simulator, webhooks): express-rate-limit counted in
 * Redis (rate-limit-redis), so every web process shares the count. Keyed on the client address.
 * When Redis is unreachable the request passes (and the store error is logged by the library's
 * validation): Redis may lose everything at any time, and a webhook must still be stored.
 */
import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

export type PublicRateLimit = {
  redis: Redis;
  /** Redis key prefix of this limit's counters. */
  keyPrefix: string;
  perMinute: number;
  /** The 429 answer in the endpoint's own format. */
  refuse(res: Response): void;
};

export function publicRateLimit(opts: PublicRateLimit): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: opts.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    passOnStoreError: true,
    store: new QuietRedisStore({
      prefix: opts.keyPrefix,
      sendCommand: async (command: string, ...args: string[]) => {
        // The connection queues commands while Redis is down (BullMQ needs that): wait briefly,
        // then give up. "NOSCRIPT" makes the store load its script again once Redis is back.
        if (!(await ready(opts.redis))) throw new Error('NOSCRIPT Redis is not ready: not counted');
        return opts.redis.call(command, ...args) as Promise<RedisReply>;
      },
    }),
    handler: (_req, res) => opts.refuse(res),
  });
}

/**
 * The store loads its Lua scripts when it is created; with Redis not ready yet (start-up, or down)
 * that fails, and the library would print the error with a stack trace. Nothing is lost: the first
 * count meets NOSCRIPT and loads them again (rate-limit-redis' retryableIncrement).
 */
class QuietRedisStore extends RedisStore {
  override async init(options: Parameters<RedisStore['init']>[0]) {
    try {
      await super.init(options);
    } catch {
      // loaded again at the first count
    }
  }
}

const READY_WAIT_MS = 500;

/** True once the connection is ready, waiting at most READY_WAIT_MS (start-up, a short reconnect). */
function ready(redis: Redis): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(value);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), READY_WAIT_MS);
    redis.once('ready', onReady);
  });
}
