/**
 * The service as an operator starts it: config errors, readiness with a dependency down, graceful
 * SIGTERM. Each test runs src/main.ts in a child process.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../script/embedded-servers';
import { freshMongoUrl, redisUrl, uniqueName } from '../../support/databases';
import { spawnService } from '../../support/service-process';

const baseEnv = () => ({
  NODE_ENV: 'development',
  SESSION_SECRET: 'lifecycle-session-secret-0123456789abcdef',
  CITIZEN_REF_SECRET: 'lifecycle-citizen-secret-0123456789abcdef',
  REDIS_PREFIX: uniqueName('life'),
  MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vicinato-life-')),
  LOG_LEVEL: 'info',
});

async function getJson(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function waitForHttp(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return await getJson(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

describe('service lifecycle', () => {
  it('exits non-zero with one line naming REDIS_URL when it is malformed, without a stack trace', async () => {
    const svc = spawnService({ ...baseEnv(), MONGODB_URI: freshMongoUrl(), REDIS_URL: 'not-a-url' });
    const code = await svc.exited;
    expect(code).not.toBe(0);
    const lines = svc.output().trim().split('\n');
    expect(lines).toEqual(['config error: REDIS_URL: must be a redis:// URL']);
  });

  it('is live and ready with MongoDB and Redis up, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const svc = spawnService({ ...baseEnv(), PORT: String(port), MONGODB_URI: freshMongoUrl(), REDIS_URL: redisUrl() });
    try {
      expect((await waitForHttp(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      let ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      for (let i = 0; i < 50 && ready.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      }
      expect(ready).toMatchObject({ status: 200, body: { status: 'ready', down: [] } });
      // Every request's log line carries its id.
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { 'X-Request-Id': 'lifecycle-check-1' } });
      expect(res.headers.get('x-request-id')).toBe('lifecycle-check-1');
      await svc.waitForOutput(/\[req lifecycle-check-1\]: GET \/healthz 200/);
    } finally {
      expect(await svc.stop('SIGTERM')).toBe(0);
    }
    expect(svc.output()).toMatch(/stopped/);
  });

  it('keeps running with MongoDB down: /readyz is 503 naming mongodb, one log line per retry', async () => {
    const port = await freePort();
    const svc = spawnService({ ...baseEnv(), PORT: String(port), MONGODB_URI: 'mongodb://127.0.0.1:1/x', REDIS_URL: redisUrl() });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`);
      const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.down).toEqual(['mongodb']);
      await svc.waitForOutput(/MongoDB unreachable, retrying[^\n]*\n[^]*MongoDB unreachable, retrying/, 20_000);
      const out = svc.output();
      expect(out).not.toMatch(/\n\s+at /); // no stack trace
      expect(svc.child.exitCode).toBeNull();
    } finally {
      expect(await svc.stop('SIGTERM')).toBe(0);
    }
  });
});
