/**
 * Every role answers an orchestrator's probes: a worker-only process (no web role) serves /healthz,
 * /readyz and /metrics on PORT, and /readyz names Redis when it is down. On the old code a worker-only process
 * had nothing to probe.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startRedis } from '../../../script/embedded-servers';
import { freshMongoUrl, uniqueName } from '../../support/databases';
import { spawnService } from '../../support/service-process';

async function getJson(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('health of a process without the web role', () => {
  it('serves /healthz and /readyz, and names Redis when it goes down', async () => {
    const redis = await startRedis();
    const port = await freePort();
    const worker = spawnService({
      NODE_ENV: 'development',
      SERVICES: 'worker',
      PORT: String(port),
      MONGODB_URI: freshMongoUrl('health'),
      REDIS_URL: redis.url,
      REDIS_PREFIX: uniqueName('health'),
      SESSION_SECRET: 'health-session-secret-0123456789abcdef',
      CITIZEN_REF_SECRET: 'health-citizen-secret-0123456789abcdef',
      MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vicinato-health-')),
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await eventually(() => getJson(`${base}/healthz`))).status).toBe(200);
      const ready = await eventually(async () => {
        const r = await getJson(`${base}/readyz`);
        return r.status === 200 ? r : undefined;
      });
      expect(ready.body).toMatchObject({ status: 'ready', down: [] });
      // Only probes here: the panel and the simulator are not served by a worker.
      expect((await fetch(`${base}/api/auth/me`)).status).toBe(404);
      // Prometheus metrics, for loopback (or READYZ_TOKEN) only.
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^vicinato_inbox_backlog\{role="worker"\} 0$/m);
      expect(metrics).toMatch(/^vicinato_outbound_oldest_age_seconds\{role="worker"\} 0$/m);
      expect(metrics).toMatch(/^vicinato_process_cpu_seconds_total\{role="worker"\} /m);
      // What the alert rules in deploy/prometheus/alerts.yml read: dependencies and queue depth.
      expect(metrics).toMatch(/^vicinato_dependency_up\{dependency="mongodb",role="worker"\} 1$/m);
      expect(metrics).toMatch(/^vicinato_dependency_up\{dependency="redis",role="worker"\} 1$/m);
      expect(metrics).toMatch(/^vicinato_queue_jobs\{queue="inbound",state="waiting",role="worker"\} 0$/m);
      expect((await fetch(`${base}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } })).status).toBe(403);

      await redis.stop();
      const down = await eventually(async () => {
        const r = await getJson(`${base}/readyz`);
        return r.status === 503 ? r : undefined;
      });
      expect(down.body.down).toEqual(['redis']);
      const metricsDown = await (await fetch(`${base}/metrics`)).text();
      expect(metricsDown).toMatch(/^vicinato_dependency_up\{dependency="redis",role="worker"\} 0$/m);
      expect(metricsDown).toMatch(/^vicinato_dependency_up\{dependency="mongodb",role="worker"\} 1$/m);
    } finally {
      await worker.stop('SIGKILL');
      await redis.stop().catch(() => undefined);
    }
  }, 60_000);
});
