/**
 * Starts the real service (src/main.ts's startVicinato) against the suite's Redis and MongoDB-wire
 * server, on a fresh database, key prefix and media folder, on a free port. Pass settings to turn
 * channels on (e.g. TELEGRAM_BOT_TOKEN with TELEGRAM_API_ROOT pointing at a fake).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { parseConfig, type Config } from '../../config/env';
import { createLogger } from '../../src/log/logger';
import { startVicinato, type RunningVicinato, type StartOverrides } from '../../src/main';
import { createStorage, type Storage } from '../../src/storage';
import { fieldCipherFromSettings } from '../../src/security/field-cipher';
import { createQueues } from '../../src/queue/queues';
import type { OutboundMessage } from '../../src/domain/message';
import type { LiveEvent } from '../../src/domain/ports';
import { redisKeys } from '../../src/queue/queue-names';
import { freshMongoUrl, redisUrl, uniqueName } from './databases';

export type TestApp = {
  url: string;
  /** The web role's express app, for tests that inspect its routes. */
  web: NonNullable<RunningVicinato['web']>;
  config: Config;
  /** Repositories on the same database, for assertions. */
  storage: Storage;
  mongo: mongoose.Connection;
  /**
   * Schedules delivery of an outbound message already recorded with `storage.outbound.record`,
   * through the app's own queue (what the panel does for a status update).
   */
  enqueueOutbound(msg: OutboundMessage): Promise<void>;
  /** Announces a change to every panel, as the worker does after a dialog turn (e.g. a seeded report). */
  publish(event: LiveEvent): Promise<void>;
  stop(): Promise<void>;
};

/** `overrides` replaces outside platforms that have no URL to point at a fake (whatsapp-web.js's client). */
export async function startTestApp(settings: Record<string, string> = {}, overrides: StartOverrides = {}): Promise<TestApp> {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-media-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: freshMongoUrl('app'),
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: uniqueName('t'),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'test-citizen-secret-0123456789abcdef',
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'warn',
    SERVICES: 'web,worker',
    // Test files chat through the simulator far faster than a person: tests of the limit set it low.
    SIMULATOR_RATE_LIMIT_PER_MINUTE: '100000',
    // The platform fakes listen on 127.0.0.1.
    MEDIA_ALLOWED_HOSTS: '127.0.0.1',
    ...settings,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, json: true, silent: !process.env.TEST_LOGS });
  const app = await startVicinato(config, logger, overrides).catch((err: unknown) => {
    // A refused start (e.g. a role lock held by another app) leaves no media folder behind.
    rmSync(mediaDir, { recursive: true, force: true });
    throw err;
  });
  const mongo = await mongoose.createConnection(config.MONGODB_URI).asPromise();
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  return {
    url: app.url!,
    web: app.web!,
    config,
    storage: createStorage(mongo, {}, {}, fieldCipherFromSettings(config)),
    mongo,
    enqueueOutbound: (msg) => queues.scheduler.enqueueOutbound(msg),
    publish: async (event) => void (await redis.publish(redisKeys(config.REDIS_PREFIX).eventsChannel, JSON.stringify(event))),
    async stop() {
      await app.stop();
      await queues.close().catch(() => undefined);
      await redis.quit().catch(() => undefined);
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
