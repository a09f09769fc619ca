/**
 * Helpers for the whatsapp-web.js channel tests: polling for what a citizen would see, reading the
 * published status, and a real ChannelContext (the same pieces src/main.ts wires) for tests that
 * run a channel outside the app, like a second process would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { parseConfig } from '../../../config/env';
import type { ChannelContext } from '../../../bots/channel-context';
import type { WhatsappMessageLike, WhatsappStatus } from '../../../bots/whatsapp';
import type { TestApp } from '../../support/test-app';
import { createLogger } from '../../../src/log/logger';
import { createStorage } from '../../../src/storage';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import { createQueues } from '../../../src/queue/queues';
import { createRedisEventBus } from '../../../src/queue/event-bus';
import { redisKeys } from '../../../src/queue/queue-names';
import { citizenRefFactory } from '../../../src/intake/citizen-ref';
import { createReceiveMessage } from '../../../src/intake/receive-message';
import { freshMongoUrl, redisUrl, uniqueName } from '../../support/databases';

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
export async function createRealChannelContext(opts: { prefix?: string } = {}) {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-wa-media-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    MONGODB_URI: freshMongoUrl('wa'),
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: opts.prefix ?? uniqueName('wa'),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'test-citizen-secret-0123456789abcdef',
    MEDIA_DIR: mediaDir,
    SERVICES: 'whatsapp',
  });
  const logger = createLogger({ level: 'debug', json: true, silent: !process.env.TEST_LOGS });
  const mongo = await mongoose.createConnection(config.MONGODB_URI).asPromise();
  const storage = createStorage(mongo);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const events = createRedisEventBus(redis, subscriber, redisKeys(config.REDIS_PREFIX).eventsChannel, logger);
  const media = createDiskMediaStore(config.MEDIA_DIR, config.MEDIA_MAX_BYTES);
  const receive = createReceiveMessage({
    inbox: storage.inbox,
    identities: storage.identities,
    scheduler: queues.scheduler,
    citizenRefOf: citizenRefFactory(config.CITIZEN_REF_SECRET),
  });
  const ctx: ChannelContext = {
    config,
    roles: config.SERVICES,
    logger,
    receive,
    media,
    outbound: storage.outbound,
    identities: storage.identities,
    events,
    redis,
    mongo,
  };
  return {
    ctx,
    storage,
    redis,
    async close() {
      await queues.close().catch(() => undefined);
      await events.close();
      await redis.quit().catch(() => undefined);
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
