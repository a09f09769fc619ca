/**
 * Helpers for the whatsapp-web.js channel tests: polling for what a citizen would see, reading the
 * published status, and a real ChannelContext (the same pieces src/main.ts wires) for tests that
 * run a channel outside the app, like a second process would.
 */
import type { Redis } from 'ioredis';
import type { WhatsappMessageLike, WhatsappStatus } from '../../../bots/whatsapp';
import type { TestApp } from '../../support/test-app';
import { redisKeys } from '../../../src/queue/queue-names';
import { createChannelHarness } from '../../support/channel-harness';

/** Polls until `probe` gives a truthy value, and returns it; fails naming what was awaited. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Truthy<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until a WhatsApp message is processed and every reply to it was sent; returns the replies. */
export function repliesSent(app: TestApp, msg: WhatsappMessageLike) {
  return waitFor(
    async () => {
      const record = await app.storage.inbox.get('whatsapp', msg.id._serialized);
      if (record?.state !== 'processed') return undefined;
      const out = await app.storage.outbound.listReplies('whatsapp', msg.id._serialized);
      return out.length > 0 && out.every((r) => r.state === 'sent') && out;
    },
    `the replies to ${msg.type} "${msg.body.slice(0, 30)}"`,
  );
}

export async function readStatus(redis: Redis, prefix: string): Promise<WhatsappStatus | null> {
  const raw = await redis.get(redisKeys(prefix).whatsappStatus);
  return raw ? (JSON.parse(raw) as WhatsappStatus) : null;
}

export async function readyz(url: string) {
  const res = await fetch(`${url}/readyz`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { status: string; down: string[]; checks: Record<string, unknown> } };
}

/** A ChannelContext on the suite's Redis and a fresh database, as a separate process would build it. */
export function createRealChannelContext(opts: { prefix?: string } = {}) {
  return createChannelHarness({ SERVICES: 'whatsapp', ...(opts.prefix ? { REDIS_PREFIX: opts.prefix } : {}) });
}
