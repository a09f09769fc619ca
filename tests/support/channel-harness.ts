/**
 * One channel by itself, on the real pieces src/main.ts builds its ChannelContext from (storage,
 * queues, event bus, receive, media), for tests that start a channel without the whole service: the
 * whatsapp-web.js lifecycle tests and the "MongoDB is down" webhook tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { parseConfig } from '../../config/env';
import type { ChannelContext } from '../../bots/channel-context';
import type { ChannelModule } from '../../bots/channel-module';
import { citizenRefFactory } from '../../src/app/intake/citizen-ref';
import { createReceiveMessage } from '../../src/app/intake/receive-message';
import { createLogger } from '../../src/log/logger';
import { createWebApp } from '../../src/panel/app';
import { createRedisEventBus } from '../../src/queue/event-bus';
import { redisKeys } from '../../src/queue/queue-names';
import { createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/queue/redis-connection';
import { createStorage } from '../../src/storage';
import { fieldCipherFromSettings } from '../../src/security/field-cipher';
import { createDiskMediaStore } from '../../src/storage/media-store';
import { freshMongoUrl, redisUrl, uniqueName } from './databases';

/** Nothing listens on port 9: every storage call fails at once, as during a MongoDB outage. */
const UNREACHABLE_MONGO = 'mongodb://127.0.0.1:9/unreachable';

export type ChannelHarness = Awaited<ReturnType<typeof createChannelHarness>>;

/**
 * `settings` are added to the test defaults (a fresh database on the suite's server, the suite's Redis
 * with a prefix of its own). With `mongoDown`, MongoDB is an address where nothing listens.
 */
export async function createChannelHarness(settings: Record<string, string>, opts: { mongoDown?: boolean } = {}) {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-channel-media-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    // Any free port: a process without the web role still serves its health endpoints there.
    PORT: '0',
    MONGODB_URI: opts.mongoDown ? UNREACHABLE_MONGO : freshMongoUrl('ch'),
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: uniqueName('ch'),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'test-citizen-secret-0123456789abcdef',
    MEDIA_DIR: mediaDir,
    // The platform fakes listen on 127.0.0.1.
    MEDIA_ALLOWED_HOSTS: '127.0.0.1',
    ...settings,
  });
  const logger = createLogger({ level: 'debug', json: true, silent: !process.env.TEST_LOGS });
  let mongo: mongoose.Connection;
  if (opts.mongoDown) {
    // Fail at once instead of waiting in mongoose's buffer.
    mongo = mongoose.createConnection(config.MONGODB_URI, { bufferCommands: false, serverSelectionTimeoutMS: 300 });
    mongo.on('error', () => undefined);
    mongo.asPromise().catch(() => undefined);
  } else {
    mongo = await mongoose.createConnection(config.MONGODB_URI).asPromise();
  }
  const storage = createStorage(mongo, {}, {}, fieldCipherFromSettings(config));
  const redis = createRedis(config.REDIS_URL, logger, 'commands');
  const subscriber = createRedis(config.REDIS_URL, logger, 'events');
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const events = createRedisEventBus(redis, subscriber, redisKeys(config.REDIS_PREFIX).eventsChannel, logger);
  const ctx: ChannelContext = {
    config,
    roles: config.SERVICES,
    logger,
    receive: createReceiveMessage({
      inbox: storage.inbox,
      identities: storage.identities,
      scheduler: queues.scheduler,
      citizenRefOf: citizenRefFactory(config.CITIZEN_REF_SECRET),
    }),
    media: createDiskMediaStore(config.MEDIA_DIR, config.MEDIA_MAX_BYTES),
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
      if (!opts.mongoDown) await mongo.dropDatabase().catch(() => undefined);
      await mongo.close().catch(() => undefined);
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Serves a channel's HTTP routes (its webhook) the way the web role mounts them. */
export async function serveChannel(channel: ChannelModule, logger: ChannelContext['logger']) {
  const app = createWebApp({ logger, readiness: [], mounts: [{ path: channel.http!.mountPath, router: channel.http!.router }] });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
