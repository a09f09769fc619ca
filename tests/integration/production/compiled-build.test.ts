/**
 * The compiled service as the operations guide starts it: `npm run build`, then web and worker as
 * separate `node dist/server/main.js` processes (no tsx), each answering its health probes. And the
 * bundle needs nothing that `npm ci --omit=dev` leaves out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../script/embedded-servers';
import { freshMongoUrl, redisUrl, uniqueName } from '../../support/databases';
import { spawnService, type ServiceProcess } from '../../support/service-process';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIST = path.join(ROOT, 'dist/server');

async function waitForStatus(url: string, status: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      last = `${res.status} ${await res.text()}`;
      if (res.status === status) return last;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer ${status}; last: ${last}`);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
  );
}

describe('compiled build', () => {
  const running: ServiceProcess[] = [];
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'script/build-server.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('imports only Node built-ins and production dependencies (npm ci --omit=dev is enough)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Written by the build from esbuild's own list of the imports it left outside the bundle.
    const external = JSON.parse(readFileSync(path.join(DIST, 'external-imports.json'), 'utf8')) as string[];
    expect(jsFiles(DIST).length).toBeGreaterThan(0);
    const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    const notProduction = external
      .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
      .map(packageOf)
      .filter((p) => !(p in pkg.dependencies));
    expect(external).toContain('express'); // the list is the real one
    expect(notProduction).toEqual([]);
  });

  it('runs web and worker as separate plain-node processes, each ready', async () => {
    const mongo = freshMongoUrl();
    const prefix = uniqueName('compiled');
    const env = {
      NODE_ENV: 'development',
      SESSION_SECRET: 'compiled-session-secret-0123456789abcdef',
      CITIZEN_REF_SECRET: 'compiled-citizen-secret-0123456789abcdef',
      REDIS_PREFIX: prefix,
      MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vicinato-compiled-')),
      MONGODB_URI: mongo,
      REDIS_URL: redisUrl(),
      LOG_LEVEL: 'info',
    };
    const webPort = await freePort();
    const workerPort = await freePort();
    const web = spawnService({ ...env, SERVICES: 'web', PORT: String(webPort) }, { compiled: true });
    running.push(web);
    // Without the web role, PORT serves only the probes (and /metrics): what an orchestrator checks.
    const worker = spawnService({ ...env, SERVICES: 'worker', PORT: String(workerPort) }, { compiled: true });
    running.push(worker);

    for (const port of [webPort, workerPort]) {
      expect(await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200)).toMatch(/"status":"ok"/);
      expect(await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200)).toMatch(/"status":"ready"/);
    }
    // The panel (built into dist/panel) is served by the compiled web role only.
    expect(await waitForStatus(`http://127.0.0.1:${webPort}/login`, 200)).toMatch(/<html/i);
    expect((await fetch(`http://127.0.0.1:${workerPort}/login`)).status).toBe(404);
    await web.waitForOutput(/Vicinato started: roles web/);
    await worker.waitForOutput(/Vicinato started: roles worker/);
    // Plain node, not the TypeScript sources: each process reports its own entry point.
    for (const p of [web, worker]) expect(p.output()).not.toMatch(/tsx|src\/main\.ts/);
  });
});
