/**
 * "Only one process runs this role": a lock in Redis (SET NX PX with a token naming its holder),
 * renewed while held and released by its holder only. Shared by the channels that must not run
 * twice: whatsapp-web.js (two browsers on one session would log each other out and double every
 * reply) and Telegram long polling (a second getUpdates poller gets 409 Conflict and the two would
 * fight over the offset).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/log/logger';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RoleLockHeldError extends Error {
  override name = 'RoleLockHeldError';
  constructor(
    readonly role: string,
    readonly holder: string,
    ttlMs: number,
    /** A sentence added to the message, e.g. how to run the role in several processes instead. */
    hint?: string,
  ) {
    super(
      `the ${role} role is already running in another process (${holder}): only one process may run it. ` +
        `Stop that process, or if it crashed wait ${Math.ceil(ttlMs / 1000)} s for its lock to expire, then start again.` +
        (hint ? ` ${hint}` : ''),
    );
  }
}

export type RoleLock = {
  /** Takes the lock or throws RoleLockHeldError naming the holder. */
  acquire(): Promise<void>;
  /** Stops renewing and deletes the lock if this process still holds it. */
  release(): Promise<void>;
  readonly holder: string;
};

export function createRoleLock(opts: {
  redis: Redis;
  key: string;
  role: string;
  logger: Logger;
  /** Lock lifetime without renewal. @defaultValue 30000 */
  ttlMs?: number;
  /** Appended to RoleLockHeldError's message. @defaultValue none */
  hint?: string;
  /** Called once when another process took the lock while this one thought it held it. */
  onLost?: (holder: string) => void;
}): RoleLock {
  const ttlMs = opts.ttlMs ?? 30_000;
  const holder = `${os.hostname()} pid ${process.pid} #${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let renewError = '';
  let held = false;

  const renew = async () => {
    try {
      if ((await opts.redis.eval(RENEW, 1, opts.key, holder, String(ttlMs))) === 1) {
        renewError = '';
        return;
      }
      if (!held) return;
      // Expired (Redis was away longer than the TTL): take it back unless someone else did.
      if ((await opts.redis.set(opts.key, holder, 'PX', ttlMs, 'NX')) === 'OK') {
        opts.logger.warn(`${opts.role} role lock had expired and was taken back`);
        return;
      }
      const other = (await opts.redis.get(opts.key)) ?? 'unknown';
      clearInterval(timer);
      timer = undefined;
      held = false;
      opts.logger.error(`${opts.role} role lock lost to another process (${other})`);
      opts.onLost?.(other);
    } catch (err) {
      const message = (err as Error).message;
      if (message !== renewError) opts.logger.warn(`${opts.role} role lock renewal failed: ${message}`);
      renewError = message;
    }
  };

  return {
    holder,
    async acquire() {
      if ((await opts.redis.set(opts.key, holder, 'PX', ttlMs, 'NX')) !== 'OK') {
        const other = (await opts.redis.get(opts.key)) ?? 'unknown';
        throw new RoleLockHeldError(opts.role, other, ttlMs, opts.hint);
      }
      held = true;
      timer = setInterval(() => void renew(), Math.max(50, Math.floor(ttlMs / 3)));
      timer.unref();
    },
    async release() {
      held = false;
      clearInterval(timer);
      timer = undefined;
      await opts.redis.eval(RELEASE, 1, opts.key, holder);
    },
  };
}
