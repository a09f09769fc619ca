/**
 * Starts the real service (src/main.ts's startVicinato) against the suite's Redis and MongoDB-wire
 * server, on a fresh database, key prefix and media folder, on a free port. Pass settings to turn
 * channels on (e.g. TELEGRAM_BOT_TOKEN with TELEGRAM_API_ROOT pointing at a fake).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { parseConfig, type Config } from '../../config/env';
import { createLogger } from '../../src/log/logger';
import { startVicinato } from '../../src/main';
import { createStorage, type Storage } from '../../src/storage';
import { freshMongoUrl, redisUrl, uniqueName } from './databases';

export type TestApp = {
  url: string;
  config: Config;
  /** Repositories on the same database, for assertions. */
  storage: Storage;
  mongo: mongoose.Connection;
  stop(): Promise<void>;
};

export async function startTestApp(settings: Record<string, string> = {}): Promise<TestApp> {
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
    ...settings,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, json: true, silent: !process.env.TEST_LOGS });
  const app = await startVicinato(config, logger);
  const mongo = await mongoose.createConnection(config.MONGODB_URI).asPromise();
  return {
    url: app.url!,
    config,
    storage: createStorage(mongo),
    mongo,
    async stop() {
      await app.stop();
      await mongo.dropDatabase().catch(() => undefined);
      await mongo.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
