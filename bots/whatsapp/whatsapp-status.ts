/**
 * The WhatsApp Web login state, kept in memory for /readyz and published in Redis for the panel.
 *
 * Redis key: redisKeys(prefix).whatsappStatus, a JSON string
 *   {
 *     state: 'starting' | 'qr' | 'authenticated' | 'ready' | 'auth_failure' | 'disconnected',
 *     qr?: string,        // only while state === 'qr': the raw QR payload to render for an admin
 *                         // (a login credential: show it to admins only, never log it)
 *     updatedAt: string,  // ISO 8601
 *     detail?: string,    // why (disconnect reason, start-up error, "retrying in 20 s")
 *   }
 * Written only by the process holding the whatsapp role lock (each write checks the lock in the
 * same Lua script), with a TTL refreshed every few seconds: a missing key means no process runs the
 * whatsapp role (or it died).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/log/logger';

export const WHATSAPP_STATES = ['starting', 'qr', 'authenticated', 'ready', 'auth_failure', 'disconnected'] as const;
export type WhatsappState = (typeof WHATSAPP_STATES)[number];

export type WhatsappStatus = { state: WhatsappState; qr?: string; updatedAt: string; detail?: string };

export type WhatsappStatusPublisher = {
  current(): WhatsappStatus;
  set(state: WhatsappState, extra?: { qr?: string; detail?: string }): void;
  /** Starts publishing (after the role lock is taken) and refreshing the key's TTL. */
  startPublishing(): void;
  /** Stops writing; `final` is written first when given (e.g. "stopped"). */
  stopPublishing(final?: { state: WhatsappState; detail?: string }): Promise<void>;
};

// Fenced write: only while the role lock still holds this process's token.
const WRITE_IF_HOLDER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3]) else return 0 end`;

export function createWhatsappStatus(opts: {
  redis: Redis;
  key: string;
  /** The role lock guarding writes: its key and this process's token. */
  lock: { key: string; holder: string };
  logger: Logger;
  ttlMs?: number;
}): WhatsappStatusPublisher {
  const ttlMs = opts.ttlMs ?? 30_000;
  let status: WhatsappStatus = { state: 'starting', updatedAt: new Date().toISOString() };
  let publishing = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';
  // Writes are chained so Redis always ends with the latest state.
  let writes: Promise<void> = Promise.resolve();

  const write = () => {
    if (!publishing) return writes;
    const json = JSON.stringify(status);
    writes = writes
      .then(() => opts.redis.eval(WRITE_IF_HOLDER, 2, opts.lock.key, opts.key, opts.lock.holder, json, String(ttlMs)))
      .then(
        () => {
          lastError = '';
        },
        (err: Error) => {
          if (err.message !== lastError) opts.logger.warn(`whatsapp status not published: ${err.message}`);
          lastError = err.message;
        },
      );
    return writes;
  };

  return {
    current: () => status,
    set(state, extra = {}) {
      status = {
        state,
        ...(state === 'qr' && extra.qr ? { qr: extra.qr } : {}),
        updatedAt: new Date().toISOString(),
        ...(extra.detail ? { detail: extra.detail } : {}),
      };
      void write();
    },
    startPublishing() {
      publishing = true;
      void write();
      timer = setInterval(() => void write(), Math.max(50, Math.floor(ttlMs / 3)));
      timer.unref();
    },
    async stopPublishing(final) {
      clearInterval(timer);
      timer = undefined;
      if (final && publishing) {
        status = { state: final.state, updatedAt: new Date().toISOString(), ...(final.detail ? { detail: final.detail } : {}) };
        await write();
      }
      publishing = false;
      await writes;
    },
  };
}
