/**
 * Login throttling without a lock an attacker can set off. Every attempt is counted in Redis
 * BEFORE the password is checked (one atomic script: a parallel burst cannot slip extra guesses
 * past the count), under two keys:
 *
 * - the username together with the client address: 5 attempts free per window, then each further
 *   attempt must wait a growing delay (1 s, 2 s, 4 s … at most 15 min). Someone guessing an
 *   admin's password from one address slows only himself: the admin, from another address, signs in.
 * - the username alone, from any address: a much higher allowance and a short ceiling (60 s), so
 *   guessing from many addresses is slowed without ever locking the account out for long.
 *
 * The per-address limit on all usernames is express-rate-limit (login-limits.ts). A throttled
 * attempt gets the same answer as a wrong password (no enumeration); the route still spends the
 * time of a password check on it. Unknown usernames are counted like known ones.
 */
import type { Redis } from 'ioredis';

export type ThrottleRule = { free: number; baseDelayMs: number; maxDelayMs: number; windowMs: number };

export const USER_ADDRESS_RULE: ThrottleRule = { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };
export const USER_RULE: ThrottleRule = { free: 100, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };

// KEYS[1] counter, KEYS[2] "blocked until" marker. ARGV: now, free, base, max, window.
// Returns the wait in ms before an attempt is allowed (0 = allowed now; this attempt is counted).
const SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return blocked end
local free = tonumber(ARGV[2])
if n > free then
  local delay = math.min(tonumber(ARGV[3]) * 2 ^ (n - free - 1), tonumber(ARGV[4]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
  redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[5]), math.floor(delay) * 2))
end
return 0
`;

export type LoginThrottle = {
  /** Counts one attempt; resolves with 0 when it may be checked, or the ms to wait. */
  attempt(username: string, address: string): Promise<number>;
  /** A successful login clears its username + address counter. */
  succeeded(username: string, address: string): Promise<void>;
};

export function loginThrottle(redis: Redis, keyPrefix: string): LoginThrottle {
  const run = (key: string, rule: ThrottleRule) =>
    redis.eval(
      SCRIPT,
      2,
      key,
      `${key}:blocked`,
      Date.now(),
      rule.free,
      rule.baseDelayMs,
      rule.maxDelayMs,
      rule.windowMs,
    ) as Promise<number>;
  const userAddressKey = (username: string, address: string) => `${keyPrefix}ua:${username}:${address}`;
  return {
    async attempt(username, address) {
      const [a, b] = await Promise.all([
        run(userAddressKey(username, address), USER_ADDRESS_RULE),
        run(`${keyPrefix}u:${username}`, USER_RULE),
      ]);
      return Math.max(Number(a), Number(b));
    },
    async succeeded(username, address) {
      const key = userAddressKey(username, address);
      await redis.del(key, `${key}:blocked`);
    },
  };
}
