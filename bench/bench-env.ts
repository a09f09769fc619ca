/**
 * Shared set-up of the benchmarks: the suite's servers (or MONGODB_URI / REDIS_URL when given, read
 * through config/), a fresh database and key prefix, and small statistics helpers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMongo, startRedis, type RunningServer } from '../script/embedded-servers';

export type BenchServers = { mongoUrl: string; redisUrl: string; stop(): Promise<void> };

export async function benchServers(env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<BenchServers> {
  const started: RunningServer[] = [];
  let mongoUrl = env.MONGODB_URI;
  let redisUrl = env.REDIS_URL;
  if (!mongoUrl) {
    const m = await startMongo(mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-db-')));
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
  return { mongoUrl: db.toString(), redisUrl, stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
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
