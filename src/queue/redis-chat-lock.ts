/**
 * A per-chat mutex in Redis (SET NX PX with a token, released only by its holder, renewed while held),
 * so two messages of one chat are never processed at once, across every worker process.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatLock } from '../domain/ports';
import { redisKeys } from './queue-names';
import { ChatBusyError } from '../domain/infrastructure-fault';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** The two scripts as commands of the connection: sent by their SHA (EVALSHA), not as text every time. */
type LockCommands = {
  vicinatoChatLockRelease(key: string, token: string): Promise<number>;
  vicinatoChatLockRenew(key: string, token: string, ttlMs: string): Promise<number>;
};
function lockCommands(redis: Redis): LockCommands {
  if (!('vicinatoChatLockRelease' in redis)) {
    redis.defineCommand('vicinatoChatLockRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('vicinatoChatLockRenew', { numberOfKeys: 1, lua: RENEW });
  }
  return redis as unknown as LockCommands;
}

export function createRedisChatLock(redis: Redis, prefix: string, ttlMs = 15_000): ChatLock {
  const keys = redisKeys(prefix);
  const scripts = lockCommands(redis);
  return {
    async withLock(channel, chatId, fn, waitMs = 30_000) {
      const key = keys.chatLock(channel, chatId);
      const token = randomUUID();
      const deadline = Date.now() + waitMs;
      let delay = 5;
      while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
        if (Date.now() > deadline) throw new ChatBusyError(`chat ${channel} is busy: lock not acquired in ${waitMs} ms`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 100);
      }
      const renew = setInterval(() => void scripts.vicinatoChatLockRenew(key, token, String(ttlMs)).catch(() => undefined), ttlMs / 3);
      try {
        return await fn();
      } finally {
        clearInterval(renew);
        await scripts.vicinatoChatLockRelease(key, token).catch(() => undefined);
      }
    },
  };
}
