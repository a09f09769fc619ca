/**
 * What a Graph API refusal means for delivery: slow down (RateLimitedError), stop for good
 * (UndeliverableError), the citizen is gone (RecipientUnreachableError), or a fault worth retrying
 * (the error itself). Decided by Meta's error code, as Meta recommends, never by its message text.
 */
import { RateLimitedError, RecipientUnreachableError, UndeliverableError } from '../../src/domain/ports';
import { GraphApiError } from './graph-api.client';

/** Throttling codes and the first wait for each; later waits double (see throttleDelayMs). */
const THROTTLE_BASE_MS: Record<number, number> = {
  4: 30_000, // application request limit
  80007: 30_000, // WhatsApp Business Account rate limit
  130429: 1_000, // Cloud API throughput (messages per second per number)
  131048: 60_000, // spam rate limit
  131056: 6_000, // pair rate limit: one business number to one citizen (about one message every 6 s)
};
const HTTP_429_BASE_MS = 1_000;
const MAX_THROTTLE_DELAY_MS = 15 * 60_000;

/** Sent outside the 24-hour customer service window (re-engagement message). */
export const REENGAGEMENT_CODE = 131047;

/** The number is not on WhatsApp, is the sender itself, or is not on a test number's allowed list. */
export const UNREACHABLE_CODES = new Set([131026, 131021, 131030]);

/** Graph codes of faults that may pass: server trouble, temporarily unavailable, token problems. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016, 133004, 190, 0, 10, 200, 368, 131031]);

export function isThrottle(err: GraphApiError): boolean {
  return err.httpStatus === 429 || (err.code !== undefined && err.code in THROTTLE_BASE_MS);
}

/** Exponential backoff with jitter: base * 2^(n-1), capped; Retry-After wins when larger. */
export function throttleDelayMs(err: GraphApiError, nth: number, random = Math.random): number {
  const base = (err.code !== undefined ? THROTTLE_BASE_MS[err.code] : undefined) ?? HTTP_429_BASE_MS;
  const exp = Math.min(base * 2 ** Math.max(0, nth - 1), MAX_THROTTLE_DELAY_MS);
  const jittered = Math.round(exp * (0.8 + 0.4 * random()));
  return Math.max(jittered, err.retryAfterMs ?? 0);
}

/**
 * Maps a send failure to the delivery decision. `nthThrottle` counts how many times this message was
 * throttled so far (1 on the first), for the backoff.
 */
export async function classifySendError(err: unknown, nthThrottle: () => Promise<number>): Promise<Error> {
  if (!(err instanceof GraphApiError)) return err instanceof Error ? err : new Error(String(err));
  if (isThrottle(err)) return new RateLimitedError(err.message, throttleDelayMs(err, await nthThrottle()));
  if (err.code === REENGAGEMENT_CODE) return new UndeliverableError(`outside the WhatsApp 24-hour window: ${err.message}`);
  if (err.code !== undefined && UNREACHABLE_CODES.has(err.code)) return new RecipientUnreachableError(err.message);
  if (err.httpStatus >= 500 || err.httpStatus === 401 || (err.code !== undefined && TRANSIENT_CODES.has(err.code))) return err;
  // Any other 4xx is a refusal of this very message (bad parameter, unsupported type...): resending
  // it unchanged cannot succeed.
  if (err.httpStatus >= 400 && err.httpStatus < 500) return new UndeliverableError(err.message);
  return err;
}
