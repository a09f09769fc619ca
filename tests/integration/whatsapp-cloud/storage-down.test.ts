/**
 * When MongoDB cannot store a notification, the webhook answers 500 so Meta delivers it again:
 * the channel built as src/main.ts builds it, on a MongoDB address where nothing listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../../config/env';
import { createWhatsappCloudChannel } from '../../../bots/whatsapp-cloud';
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
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, statusNotification, waMessage } from './meta-webhook';

let graph: FakeGraphApi;
let server: http.Server;
let url: string;
const closers: Array<() => Promise<unknown>> = [];
const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-media-'));

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  const config = parseConfig({
    NODE_ENV: 'test',
    MONGODB_URI: 'mongodb://127.0.0.1:9/unreachable',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: uniqueName('t'),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'test-citizen-secret-0123456789abcdef',
    ...cloudSettings(graph.base),
  });
  const logger = createLogger({ level: 'error', json: true, silent: !process.env.TEST_LOGS });
  // Nothing listens on port 9: every storage call fails, as during a MongoDB outage.
  const mongo = mongoose.createConnection(config.MONGODB_URI, { bufferCommands: false, serverSelectionTimeoutMS: 300 });
  mongo.asPromise().catch(() => undefined);
  const storage = createStorage(mongo);
  const redis = createRedis(config.REDIS_URL, logger, 'commands');
  const subscriber = createRedis(config.REDIS_URL, logger, 'events');
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const events = createRedisEventBus(redis, subscriber, `${config.REDIS_PREFIX}:events`, logger);
  closers.push(
    () => mongo.close(),
    () => queues.close(),
    () => events.close(),
    () => redis.quit(),
  );

  const channel = createWhatsappCloudChannel({
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
  })!;
  const app = createWebApp({ logger, readiness: [], mounts: [{ path: channel.http!.mountPath, router: channel.http!.router }] });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  for (const close of closers) await close().catch(() => undefined);
  await graph?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

it('answers 500 to a message it could not store, so Meta retries', async () => {
  const res = await postWebhook(url, messagesNotification({ waId: '393330000001', name: 'Anna' }, waMessage.text('Ciao')));
  expect(res.status).toBe(500);
  expect((await res.json()).error).toMatch(/retry/);
});

it('answers 500 to statuses it could not record', async () => {
  const res = await postWebhook(url, statusNotification({ wamid: 'wamid.X', status: 'read', recipient: '393330000001' }));
  expect(res.status).toBe(500);
});
