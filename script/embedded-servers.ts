/**
 * Starts a throw-away redis-server and the embedded MongoDB-wire server (SecantusDB's native
 * secantusd-rs) on free loopback ports. Used by the demo launcher and the test harness, only when
 * REDIS_URL / MONGODB_URI are not given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type RunningServer = { url: string; stop: () => Promise<void>; process: ChildProcess };

const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
}

function collectOutput(child: ChildProcess): () => string {
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => out;
}

/** `port`: a given one (a fault test restarts Redis where the services expect it), or a free one. */
export async function startRedis(port?: number): Promise<RunningServer> {
  port ??= await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  try {
    await waitForPort(port, child, 'redis-server');
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${output()}`);
  }
  return { url: `redis://127.0.0.1:${port}`, stop: stopper(child), process: child };
}

/** `storagePath` is a directory, or undefined for a fresh temporary one; `port` as for startRedis. */
/**
 * `durable`: fsync the write-ahead log at every commit (--sync-on-commit), as MongoDB does for
 * journaled writes: an acknowledged write then survives kill -9. Off by default (faster); the
 * fault-injection runs turn it on to model a production MongoDB (write concern majority, journal).
 */
export async function startMongo(storagePath: string, port?: number, opts: { durable?: boolean } = {}): Promise<RunningServer> {
  const bin = path.join(ROOT, '.venv-db/bin/secantusd-rs');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run script/bootstrap.sh (or set MONGODB_URI)`);
  mkdirSync(storagePath, { recursive: true });
  port ??= await freePort();
  // WiredTiger preallocates each write-ahead log file at --log-file-max (2 GB by default, not sparse
  // on every file system): 128 MB keeps a test or demo database small.
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--storage-path',
    storagePath,
    '--log-level',
    'WARNING',
    '--log-file-max',
    '128MB',
    ...(opts.durable ? ['--sync-on-commit'] : []),
  ];
  const child = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  try {
    await waitForPort(port, child, 'secantusd-rs');
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${output()}`);
  }
  // directConnection: the server presents itself as a one-node replica set.
  return { url: `mongodb://127.0.0.1:${port}/vicinato?directConnection=true`, stop: stopper(child), process: child };
}
