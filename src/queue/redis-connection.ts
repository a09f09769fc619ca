/** ioredis connections as BullMQ wants them (maxRetriesPerRequest: null for workers). */
import { Redis } from 'ioredis';
import type { Logger } from '../log/logger';

export function createRedis(url: string, logger: Logger, purpose: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // Back off up to 3 s between reconnects; the process keeps running while Redis is down.
    retryStrategy: (times) => Math.min(times * 200, 3000),
    lazyConnect: false,
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // One line per distinct failure, not one per reconnect attempt.
    if (err.message !== lastError) logger.warn(`Redis (${purpose}) error: ${err.message}`);
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) logger.info(`Redis (${purpose}) reconnected`);
    lastError = '';
  });
  return redis;
}

export async function pingRedis(redis: Redis): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
    ]);
    return pong === 'PONG';
  } catch {
    return false;
  }
}
