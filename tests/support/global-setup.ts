/**
 * Starts the servers the suite needs, once: a throw-away redis-server and the embedded
 * MongoDB-wire server, unless REDIS_URL / MONGODB_URI point at existing ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMongo, startRedis, type RunningServer } from '../../script/embedded-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    mongoUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started: RunningServer[] = [];
  let tmp: string | undefined;
  let redisUrl = process.env.REDIS_URL;
  let mongoUrl = process.env.MONGODB_URI;
  if (!redisUrl) {
    const redis = await startRedis();
    started.push(redis);
    redisUrl = redis.url;
  }
  if (!mongoUrl) {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'vicinato-test-db-'));
    const mongo = await startMongo(tmp);
    started.push(mongo);
    mongoUrl = mongo.url;
  }
  project.provide('redisUrl', redisUrl);
  project.provide('mongoUrl', mongoUrl);
  return async () => {
    await Promise.all(started.map((s) => s.stop()));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}
