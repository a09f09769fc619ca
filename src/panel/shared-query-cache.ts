/**
 * A per-key cache of query results shared by every request of this process, with single-flight
 * refreshes (concurrent requests for one key share one query) and invalidation by the live events
 * (src/panel/queue-counts.ts, queue-listing.ts). `serveStale`: after an invalidation the last value
 * is served while the new one is fetched (for results that may lag behind by one refresh).
 */
const MAX_CACHED_KEYS = 500;

type Entry<T> = { gen: number; value?: T; valueAt?: number; freshAt?: number; pending?: Promise<T> };

export function sharedQueryCache<T>(ttlMs: number, serveStale: boolean) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string, fetch: () => Promise<T>): Promise<T> {
      let e = entries.get(key);
      if (!e) {
        if (entries.size >= MAX_CACHED_KEYS) entries.clear();
        e = { gen: 0 };
        entries.set(key, e);
      }
      const entry = e;
      if (entry.value && entry.freshAt !== undefined && Date.now() - entry.freshAt < ttlMs) return Promise.resolve(entry.value);
      if (!entry.pending) {
        const gen = entry.gen;
        const startedAt = Date.now();
        const pending: Promise<T> = fetch().then(
          (value) => {
            if (entry.pending === pending) entry.pending = undefined;
            // Keep the most recently started fetch; a change heard while fetching leaves it stale
            // (served only where stale values are allowed), so the next request fetches again.
            if (startedAt >= (entry.valueAt ?? 0)) {
              entry.value = value;
              entry.valueAt = startedAt;
              if (entry.gen === gen) entry.freshAt = startedAt;
            }
            return value;
          },
          (err: unknown) => {
            if (entry.pending === pending) entry.pending = undefined;
            throw err;
          },
        );
        // Callers served the stale value do not wait for this fetch; its failure is theirs to ignore.
        pending.catch(() => undefined);
        entry.pending = pending;
      }
      return serveStale && entry.value ? Promise.resolve(entry.value) : entry.pending!;
    },
    invalidate() {
      for (const e of entries.values()) {
        e.gen++;
        e.freshAt = undefined;
        // Requests after the change must not get a result started before it.
        e.pending = undefined;
      }
    },
  };
}
