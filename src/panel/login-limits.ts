/**
 * Brute-force protection of the login: a per-address rate limit (express-rate-limit, counted in
 * Redis so every web process shares it) and a per-account temporary lockout after repeated
 * failures (stored on the operator in MongoDB).
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Redis } from 'ioredis';
import { panelMessage } from './panel-messages';

/** Failed logins in a row after which an account is locked. */
export const LOCK_AFTER_FAILURES = 5;
/** How long a locked account stays locked. */
export const LOCK_MINUTES = 15;
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
