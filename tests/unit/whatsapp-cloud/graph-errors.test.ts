import { describe, expect, it } from 'vitest';
import { RateLimitedError, RecipientUnreachableError, UndeliverableError } from '../../../src/domain/ports';
import { GraphApiError } from '../../../bots/whatsapp-cloud/graph-api.client';
import { classifySendError, throttleDelayMs } from '../../../bots/whatsapp-cloud/graph-errors';

const graphError = (httpStatus: number, code?: number, retryAfterMs?: number) =>
  new GraphApiError(httpStatus, code, `HTTP ${httpStatus} code ${code}`, retryAfterMs);
const classify = (err: unknown, nth = 1) => classifySendError(err, async () => nth);

describe('classifySendError', () => {
  it.each([
    [429, 130429],
    [400, 130429],
    [400, 131056],
    [400, 131048],
    [400, 4],
    [403, 80007],
    [429, undefined],
  ])('HTTP %i code %s is throttling: retried later', async (status, code) => {
    expect(await classify(graphError(status, code))).toBeInstanceOf(RateLimitedError);
  });

  it('131047 (outside the 24-hour window) is undeliverable', async () => {
    expect(await classify(graphError(400, 131047))).toBeInstanceOf(UndeliverableError);
  });

  it.each([131026, 131030, 131021])('code %i means the citizen cannot be reached', async (code) => {
    expect(await classify(graphError(400, code))).toBeInstanceOf(RecipientUnreachableError);
  });

  it('a parameter Meta refuses is not resent unchanged', async () => {
    expect(await classify(graphError(400, 131009))).toBeInstanceOf(UndeliverableError);
    // 131051 is an unsupported message type: our message's fault, not the citizen's.
    expect(await classify(graphError(400, 131051))).toBeInstanceOf(UndeliverableError);
  });

  it('server errors, an expired token and network failures stay plain errors (retried with backoff)', async () => {
    for (const err of [graphError(500, 1), graphError(503), graphError(401, 190), graphError(400, 131000), new TypeError('fetch failed')]) {
      const out = await classify(err);
      expect(out).toBe(err);
      expect(out).not.toBeInstanceOf(RateLimitedError);
    }
  });
});

describe('throttleDelayMs', () => {
  const mid = () => 0.5; // no jitter
  it('doubles with each throttle of the same message, from a base per code', () => {
    const throughput = graphError(400, 130429);
    expect([1, 2, 3, 4].map((n) => throttleDelayMs(throughput, n, mid))).toEqual([1000, 2000, 4000, 8000]);
    expect(throttleDelayMs(graphError(400, 131056), 1, mid)).toBe(6000);
  });

  it('is capped at 15 minutes and honours a longer Retry-After', () => {
    expect(throttleDelayMs(graphError(400, 131048), 20, mid)).toBe(15 * 60_000);
    expect(throttleDelayMs(graphError(429, 130429, 9000), 1, mid)).toBe(9000);
  });

  it('spreads retries with up to ±20% jitter', () => {
    const err = graphError(429, 130429);
    expect(throttleDelayMs(err, 1, () => 0)).toBe(800);
    expect(throttleDelayMs(err, 1, () => 1)).toBe(1200);
  });
});
