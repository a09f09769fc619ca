/**
 * Brute-force protection of the login, part one: a per-address rate limit on failures across all
 * usernames (express-rate-limit, counted in Redis so every web process shares it). Part two, per
 * username, is login-throttle.ts: growing delays, never a lockout an attacker can set off.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Redis } from 'ioredis';
import { panelMessage } from './panel-messages';

/** Failed login attempts allowed per client address in RATE_WINDOW_MINUTES. */
export const RATE_LIMIT_FAILURES = 20;
export const RATE_WINDOW_MINUTES = 15;

export function loginRateLimit(redis: Redis, keyPrefix: string): RequestHandler {
  return rateLimit({
    windowMs: RATE_WINDOW_MINUTES * 60_000,
    limit: RATE_LIMIT_FAILURES,
    // Only failures count: a shift change of agents behind one NAT address is not throttled.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new RedisStore({
      prefix: keyPrefix,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    }),
    handler: (_req, res) => {
      res.status(429).json({ error: panelMessage('rateLimited') });
    },
  });
}
