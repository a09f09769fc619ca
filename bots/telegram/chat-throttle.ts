/**
 * Telegram's per-chat limit (about one message a second, short bursts tolerated) as a shared
 * throttle in Redis, so every process sending on the channel counts against the same budget.
 * GCRA: one key per chat holds the theoretical arrival time; Redis's own clock is used so that
 * processes with skewed clocks agree.
 */
import type { Redis } from 'ioredis';

// KEYS[1] throttle key; ARGV[1] interval ms; ARGV[2] burst. Returns 0 (send now) or the ms to wait.
const GCRA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tolerance = interval * (tonumber(ARGV[2]) - 1)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - tolerance - now
if wait > 0 then return wait end
local nextTat = tat + interval
redis.call('SET', KEYS[1], nextTat, 'PX', nextTat - now + 1000)
return 0
`;

export type ChatThrottle = {
  /** Takes a slot for the chat: 0 when the message may go now, otherwise the ms to wait. */
  take(key: string): Promise<number>;
};

export function createChatThrottle(redis: Redis, opts: { intervalMs: number; burst: number }): ChatThrottle {
  return {
    async take(key) {
      const wait = await redis.eval(GCRA, 1, key, opts.intervalMs, opts.burst);
      return Number(wait);
    },
  };
}
