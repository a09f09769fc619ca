/**
 * Display names of operators by username, for assignees and timeline actors. Read from the
 * operators collection at most every 30 s (or sooner when an unknown username shows up).
 */
import type { OperatorStore } from '../storage';

const REFRESH_MS = 30_000;
const MISS_REFRESH_MS = 2_000;

export function operatorNames(store: OperatorStore) {
  let names = new Map<string, string>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= store
      .list()
      .then((ops) => {
        names = new Map(ops.map((o) => [o.username, o.displayName]));
        loadedAt = Date.now();
      })
      .finally(() => {
        loading = undefined;
      }));
  return {
    /** Makes sure the given usernames can be named (call before `nameOf` in a request). */
    async prime(usernames: Iterable<string | undefined>) {
      const age = Date.now() - loadedAt;
      const missing = [...usernames].some((u) => u && !names.has(u));
      if (age > REFRESH_MS || (missing && age > MISS_REFRESH_MS)) await load();
    },
    nameOf(username: string | undefined): string | undefined {
      if (!username) return undefined;
      return names.get(username) ?? username;
    },
    /** Whether `username` is a known operator (after `prime`). */
    has(username: string): boolean {
      return names.has(username);
    },
    invalidate() {
      loadedAt = 0;
    },
  };
}

export type OperatorNames = ReturnType<typeof operatorNames>;
