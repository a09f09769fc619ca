/**
 * Sessions and accounts kept a few seconds in the web process, so a request of a signed-in agent
 * does not wait for MongoDB before its work (under a shift of twenty agents the embedded server
 * answers one command at a time, and every request queued behind the others for its session).
 *
 * Revocation stays immediate across web processes: anything that ends sessions (a logout, a login
 * replacing a session, a password change, disabling an account, a role change, an MFA reset, "log
 * out everywhere") writes a new random token to one Redis key, the revocation generation, before it
 * answers; every request reads that key (one Redis GET) and uses what it cached only under the same
 * token. Fail-safe: when Redis is down, has lost the key, or answers anything else, nothing cached
 * is used and the session and the account are read from MongoDB as before. A change made straight
 * in MongoDB (the operators CLI) is seen within CACHE_MS, as the account re-read always was.
 */
import { randomUUID } from 'node:crypto';
import session, { type SessionData, type Store } from 'express-session';
import type { Redis } from 'ioredis';

/** How long a session or an account read from MongoDB may be reused (under an unchanged generation). */
export const CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export type RevocationGeneration = {
  /** The current token, or null when it cannot be known (then nothing cached may be used). */
  current(): Promise<string | null>;
  /** Sessions or accounts changed: everything cached in every web process is stale. */
  bump(): Promise<void>;
};

export function revocationGeneration(redis: Redis, key: string): RevocationGeneration {
  return {
    async current() {
      try {
        return await redis.get(key);
      } catch {
        return null;
      }
    },
    async bump() {
      // A random token, not a counter: after Redis lost its data, a counter could come back to a value cached before.
      await redis.set(key, randomUUID()).catch(() => undefined);
    },
  };
}

type Cached = { data: SessionData; generation: string; at: number };

/**
 * The session store with a short cache in front of it (see the header). `touchAfterSeconds`: the
 * store's own touchAfter, to know when a touch writes (the cached copy is then dropped).
 */
export class CachedSessionStore extends session.Store {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly inner: Store,
    private readonly generation: RevocationGeneration,
    private readonly touchAfterSeconds: number,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.generation.current().then((generation) => {
      const hit = this.cache.get(sid);
      if (hit && generation !== null && hit.generation === generation && Date.now() - hit.at < CACHE_MS)
        return callback(null, structuredClone(hit.data));
      this.inner.get(sid, (err, data) => {
        this.cache.delete(sid);
        if (!err && data && generation !== null) {
          if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
          this.cache.set(sid, { data: structuredClone(data), generation, at: Date.now() });
        }
        callback(err, data);
      });
    }, callback);
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    this.cache.delete(sid);
    this.inner.set(sid, data, (err) => {
      this.cache.delete(sid);
      callback?.(err);
    });
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.cache.delete(sid);
    this.inner.destroy(sid, (err) => {
      this.cache.delete(sid);
      // Before answering: the next request anywhere must not find this session in a cache.
      void this.generation.bump().then(() => callback?.(err));
    });
  }

  override touch(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    // connect-mongo writes only when touchAfter has passed since the last write: drop the copy then.
    const lastModified = (data as SessionData & { lastModified?: Date }).lastModified;
    const writes = !lastModified || Date.now() - new Date(lastModified).getTime() >= this.touchAfterSeconds * 1000;
    if (writes) this.cache.delete(sid);
    if (this.inner.touch) this.inner.touch(sid, data, (err?: unknown) => callback?.(err));
    else callback?.();
  }
}
