/**
 * The service as an operator runs it, for fault injection: its own redis-server and MongoDB-wire
 * server (fixed ports and data directory, so they can be killed and started again where the services
 * expect them), and the web, worker and telegram roles as separate processes. Faults are real
 * signals: SIGKILL, SIGSTOP/SIGCONT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startMongo, startRedis, type RunningServer } from '../../script/embedded-servers';
import { spawnService, type ServiceProcess } from './service-process';

export type Role = 'web' | 'worker' | 'telegram';

export type FaultCluster = {
  webUrl: string;
  mongoUrl: string;
  redisUrl: string;
  env: Record<string, string>;
  /** The running process of a role (a new one after each restart). */
  role(name: Role): ServiceProcess;
  /** kill -9 a role's process, then start it again (after `downMs`). */
  killRole(name: Role, downMs?: number): Promise<void>;
  /** SIGSTOP a role's process (it hangs: its jobs stay active in Redis, its locks unrenewed). */
  pauseRole(name: Role): void;
  /** kill -9 redis-server and start an empty one on the same port after `downMs`. */
  killRedis(downMs: number): Promise<void>;
  /** kill -9 the MongoDB-wire server and start it again on the same data directory after `downMs`. */
  killMongo(downMs: number): Promise<void>;
  /** SIGSTOP the MongoDB-wire server for `pausedMs`, then SIGCONT. */
  hangMongo(pausedMs: number): Promise<void>;
  /** Every role's output so far (for a failing test's message). */
  logs(): string;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultCluster(settings: Record<string, string>): Promise<FaultCluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-faults-db-'));
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-faults-media-'));
  const redisPort = await freePort();
  const mongoPort = await freePort();
  const webPort = await freePort();
  let redis: RunningServer = await startRedis(redisPort);
  let mongo: RunningServer = await startMongo(dataDir, mongoPort, { durable: true });
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    SESSION_SECRET: 'faults-session-secret-0123456789abcdef',
    CITIZEN_REF_SECRET: 'faults-citizen-secret-0123456789abcdef',
    REDIS_PREFIX: 'faults',
    REDIS_URL: redis.url,
    MONGODB_URI: mongo.url.replace('/vicinato?', '/faults?'),
    MEDIA_DIR: mediaDir,
    MEDIA_ALLOWED_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'info',
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '1000000',
    ...settings,
  };
  const roleEnv: Record<Role, Record<string, string>> = {
    web: { SERVICES: 'web', PORT: String(webPort) },
    worker: { SERVICES: 'worker', PORT: '0' },
    telegram: { SERVICES: 'telegram', PORT: '0' },
  };
  const processes = new Map<Role, ServiceProcess>();
  const pastLogs: string[] = [];
  const start = async (name: Role) => {
    const p = spawnService({ ...env, ...roleEnv[name] });
    processes.set(name, p);
    await p.waitForOutput(/Vicinato started/, 60_000);
  };
  const webUrl = `http://127.0.0.1:${webPort}`;
  await Promise.all((['web', 'worker', 'telegram'] as Role[]).map(start));

  return {
    webUrl,
    mongoUrl: env.MONGODB_URI!,
    redisUrl: env.REDIS_URL!,
    env,
    role: (name) => processes.get(name)!,
    async killRole(name, downMs = 1_000) {
      const p = processes.get(name)!;
      await p.stop('SIGKILL');
      pastLogs.push(`--- ${name} (killed) ---\n${p.output()}`);
      await sleep(downMs);
      await start(name);
    },
    pauseRole(name) {
      processes.get(name)!.child.kill('SIGSTOP');
    },
    async killRedis(downMs) {
      redis.process.kill('SIGKILL');
      await new Promise((r) => (redis.process.exitCode !== null || redis.process.signalCode ? r(null) : redis.process.once('exit', r)));
      await sleep(downMs);
      redis = await startRedis(redisPort);
    },
    async killMongo(downMs) {
      mongo.process.kill('SIGKILL');
      await new Promise((r) => (mongo.process.exitCode !== null || mongo.process.signalCode ? r(null) : mongo.process.once('exit', r)));
      await sleep(downMs);
      mongo = await startMongo(dataDir, mongoPort, { durable: true });
    },
    async hangMongo(pausedMs) {
      mongo.process.kill('SIGSTOP');
      await sleep(pausedMs);
      mongo.process.kill('SIGCONT');
    },
    logs: () => [...pastLogs, ...[...processes].map(([name, p]) => `--- ${name} ---\n${p.output()}`)].join('\n'),
    async stop() {
      for (const p of processes.values()) await p.stop('SIGKILL').catch(() => undefined);
      mongo.process.kill('SIGCONT');
      await Promise.all([redis.stop(), mongo.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
