/**
 * Long polling without a public URL. Telegram forgets an update only when a later getUpdates sends
 * an offset past it, so the offset moves past an update only after it is in the inbox.
 *
 * Not telegraf's own loop: it advances its offset when a batch arrives, and when a handler throws
 * it stops and confirms that offset (`syncUpdateOffset`), so an update that failed to store (MongoDB
 * down) would be confirmed and lost. Here a failed update is retried, with backoff, until it is
 * stored or the process stops; an update stored but not yet confirmed is redelivered after a
 * restart and deduplicated by the inbox.
 */
import type { Logger } from '../../src/log/logger';
import { classifyApiError, type TelegramApi } from './telegram-api';

export type LongPolling = {
  start(): void;
  /**
   * Stops polling; only the first call counts. `confirm: false` skips the last getUpdates that
   * confirms the stored updates: when another process polls now, that call would cut its long poll
   * short (Telegram ends the older of two getUpdates with 409). @defaultValue confirm: true
   */
  stop(opts?: { confirm?: boolean }): Promise<void>;
  /** true once started and until stopped, unless the last getUpdates failed. */
  healthy(): boolean;
};

/** Updates the adapter handles; others (edits, reactions, inline queries) are never fetched. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

type TelegrafSignal = NonNullable<Parameters<TelegramApi['callApi']>[2]>['signal'];

const POLL_TIMEOUT_S = 25;
const MAX_BACKOFF_MS = 30_000;
const STOP_WAIT_MS = 10_000;

const backoff = (failures: number) => Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 10));

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

export function createLongPolling(deps: {
  api: TelegramApi;
  /** Resolves once the update is handled (stored); throws to have it tried again. Also drives the staff bot. */
  handleUpdate: (update: unknown) => Promise<{ kind: string; reason?: string }>;
  logger: Logger;
  pollTimeoutSeconds?: number;
}): LongPolling {
  const { api, logger } = deps;
  const abort = new AbortController();
  let offset = 0;
  let started = false;
  let failing = false;
  let loop: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  /** Stores one update, retrying until it is stored; false when the process stopped first. */
  const store = async (update: unknown): Promise<boolean> => {
    for (let failures = 0; ; failures++) {
      try {
        const outcome = await deps.handleUpdate(update);
        if (outcome.kind === 'invalid') logger.warn(`telegram update skipped: ${outcome.reason}`);
        return true;
      } catch (err) {
        if (abort.signal.aborted) return false;
        logger.error(`telegram update not stored, retrying: ${(err as Error).message}`);
        await sleep(backoff(failures), abort.signal);
        if (abort.signal.aborted) return false;
      }
    }
  };

  const run = async () => {
    let failures = 0;
    while (!abort.signal.aborted) {
      let updates: unknown[];
      try {
        updates = await api.callApi(
          'getUpdates',
          { offset, timeout: deps.pollTimeoutSeconds ?? POLL_TIMEOUT_S, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types its signal as the abort-controller shim; node-fetch accepts Node's own.
          { signal: abort.signal as unknown as TelegrafSignal },
        );
        failures = 0;
        failing = false;
      } catch (err) {
        if (abort.signal.aborted) break;
        failing = true;
        const failure = classifyApiError(err);
        const conflict = failure.kind === 'rejected' && failure.code === 409;
        logger.warn(
          conflict
            ? `telegram getUpdates conflict (another poller or a webhook is active): ${failure.description}`
            : `telegram getUpdates failed: ${(err as Error).message}`,
        );
        await sleep(failure.kind === 'rate_limited' ? failure.retryAfterMs : backoff(failures++), abort.signal);
        continue;
      }
      // One at a time, in order: a chat's messages reach the inbox in the order Telegram sent them.
      for (const update of updates) {
        if (!(await store(update))) return;
        const id = (update as { update_id?: unknown }).update_id;
        if (typeof id === 'number' && id >= offset) offset = id + 1;
      }
    }
  };

  return {
    start() {
      started = true;
      loop ??= run().catch((err: Error) => {
        logger.error(`telegram polling stopped: ${err.message}`);
      });
    },
    stop(opts = {}) {
      abort.abort();
      return (stopping ??= (async () => {
        if (!loop) return;
        await Promise.race([loop, new Promise((r) => setTimeout(r, STOP_WAIT_MS))]);
        // Confirm what was stored, so the next start does not fetch it again (harmless, just slower).
        if (offset > 0 && opts.confirm !== false) await api.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
      })());
    },
    healthy: () => started && !failing && !abort.signal.aborted,
  };
}
