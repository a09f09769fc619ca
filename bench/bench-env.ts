/**
 * Shared set-up of the benchmarks: the suite's servers (or MONGODB_URI / REDIS_URL when given, read
 * through config/), a fresh database and key prefix, and small statistics helpers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMongo, startRedis, type RunningServer } from '../script/embedded-servers';
import type { ServiceProcess } from '../tests/support/service-process';

export type BenchServers = { mongoUrl: string; redisUrl: string; stop(): Promise<void> };

export async function benchServers(env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<BenchServers> {
  const started: RunningServer[] = [];
  const dirs: string[] = [];
  let mongoUrl = env.MONGODB_URI;
  let redisUrl = env.REDIS_URL;
  if (!mongoUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-db-'));
    dirs.push(dir);
    const m = await startMongo(dir);
    started.push(m);
    mongoUrl = m.url;
  }
  if (!redisUrl) {
    const r = await startRedis();
    started.push(r);
    redisUrl = r.url;
  }
  const db = new URL(mongoUrl);
  db.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  return {
    mongoUrl: db.toString(),
    redisUrl,
    async stop() {
      await Promise.all(started.map((s) => s.stop()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function latencySummary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;
}

/** --name value from argv, as a number. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * Distinct places inside the municipality, about 350 m apart (more than the largest per-category
 * "same situation" radius, 300 m): each simulated dialog reports from its own place, so the "is it
 * the same situation?" question never comes up and every dialog measures the same path. There are a
 * few hundred: a benchmark that runs more dialogs clears its reports between rounds.
 */
export function distinctPlaces(territory: { contains(p: { lat: number; lng: number }): boolean; bbox(): [number, number, number, number] }) {
  const [minLng, minLat, maxLng, maxLat] = territory.bbox();
  const places: Array<{ lat: number; lng: number }> = [];
  for (let lat = minLat; lat < maxLat; lat += 0.0035)
    for (let lng = minLng; lng < maxLng; lng += 0.0045) if (territory.contains({ lat, lng })) places.push({ lat, lng });
  return (n: number) => places[Math.abs(n) % places.length]!;
}

type Step = { text: string } | { location: { lat: number; lng: number } } | { photo: true };

/** The script with its location step moved to `place`. */
export function atPlace<S extends Step>(script: readonly S[], place: { lat: number; lng: number }): S[] {
  return script.map((s) => ('location' in s ? ({ location: place } as S) : s));
}

/** Waits until a spawned service answers /readyz (at most a minute), or throws with its output. */
export async function waitUntilReady(baseUrl: string, service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (service.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the service did not become ready:\n${service.output()}`);
}
