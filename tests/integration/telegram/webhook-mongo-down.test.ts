/**
 * The webhook when MongoDB cannot be reached: the update cannot be stored, so Telegram must not get
 * a 200 (it would forget the update); a 500 makes it deliver the update again later. The channel is
 * built with the real pieces, on a MongoDB connection to a port where nothing listens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/env';
import type { ChannelContext } from '../../../bots/channel-context';
import { createTelegramChannel } from '../../../bots/telegram';
import { citizenRefFactory } from '../../../src/intake/citizen-ref';
import { createReceiveMessage } from '../../../src/intake/receive-message';
import { createLogger } from '../../../src/log/logger';
import { createWebApp } from '../../../src/panel/app';
import { createRedisEventBus } from '../../../src/queue/event-bus';
import { createQueues } from '../../../src/queue/queues';
import { createRedis } from '../../../src/queue/redis-connection';
import { createStorage } from '../../../src/storage';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import { redisUrl, uniqueName } from '../../support/databases';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { WEBHOOK_SECRET, postUpdate } from './telegram-harness';

let fake: FakeTelegram;
let server: http.Server;
let url: string;
const cleanups: Array<() => Promise<unknown> | void> = [];

beforeAll(async () => {
  fake = await startFakeTelegram();
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-media-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    MONGODB_URI: 'mongodb://127.0.0.1:9/vicinato',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: uniqueName('t'),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'test-citizen-secret-0123456789abcdef',
    MEDIA_DIR: mediaDir,
    SERVICES: 'web',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://vicinato.comune.example/webhooks/telegram',
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  const logger = createLogger({ level: 'error', json: true, silent: !process.env.TEST_LOGS });
  // Nothing listens on port 9: every operation fails at once instead of waiting in mongoose's buffer.
  const mongo = mongoose.createConnection(config.MONGODB_URI, { serverSelectionTimeoutMS: 200, bufferCommands: false });
  mongo.on('error', () => undefined);
  const storage = createStorage(mongo);
  const redis = createRedis(config.REDIS_URL, logger, 'commands');
  const subscriber = createRedis(config.REDIS_URL, logger, 'events');
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const events = createRedisEventBus(redis, subscriber, `${config.REDIS_PREFIX}:events`, logger);
  const ctx: ChannelContext = {
    config,
    roles: ['web'],
    logger,
    receive: createReceiveMessage({
      inbox: storage.inbox,
      identities: storage.identities,
      scheduler: queues.scheduler,
      citizenRefOf: citizenRefFactory(config.CITIZEN_REF_SECRET),
    }),
    media: createDiskMediaStore(mediaDir, config.MEDIA_MAX_BYTES),
    outbound: storage.outbound,
    identities: storage.identities,
    events,
    redis,
    mongo,
  };
  const channel = createTelegramChannel(ctx)!;
  const app = createWebApp({ logger, readiness: [], mounts: [{ path: channel.http!.mountPath, router: channel.http!.router }] });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () => new Promise((r) => server.close(r)),
    () => queues.close(),
    () => events.close(),
    () => redis.quit(),
    () => mongo.close().catch(() => undefined),
    () => fake.close(),
    () => rmSync(mediaDir, { recursive: true, force: true }),
  );
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('telegram webhook with MongoDB down', () => {
  it('answers 500, so Telegram delivers the update again', async () => {
    const update = fake.citizen().text('C’è un lampione spento in via Roma');
    const res = await postUpdate(url, update);
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatch(/could not be stored; retry later/);
  });

  it('still refuses a wrong secret with 401 before touching anything', async () => {
    const res = await postUpdate(url, fake.citizen().text('Ciao'), 'wrong');
    expect(res.status).toBe(401);
  });
});
