/** Live events over Redis pub/sub, so every web process (panel SSE, simulator waits) stays in step. */
import type { Redis } from 'ioredis';
import type { EventBus, LiveEvent } from '../domain/ports';
import type { Logger } from '../log/logger';

export function createRedisEventBus(
  publisher: Redis,
  subscriber: Redis,
  channel: string,
  logger: Logger,
): EventBus & { close(): Promise<void> } {
  const listeners = new Set<(e: LiveEvent) => void>();
  let subscribed: Promise<unknown> | undefined;
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(raw) as LiveEvent;
    } catch {
      return logger.warn('ignored a malformed live event');
    }
    for (const l of listeners) l(event);
  });
  return {
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe(listener) {
      subscribed ??= subscriber.subscribe(channel).catch((err: Error) => logger.warn(`subscribe failed: ${err.message}`));
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await subscriber.quit().catch(() => undefined);
    },
  };
}
