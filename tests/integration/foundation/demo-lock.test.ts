/**
 * One demo per data directory, with real processes: a second demo is told, in one line, which one
 * is running; a demo killed with SIGKILL leaves a lock the next demo takes over. On the old code the
 * second demo started a second MongoDB-wire server on the same files and died on a WiredTiger error.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDemoLock } from '../../../script/demo-lock';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A process that takes the lock like script/demo.ts and keeps running until killed. */
function holdingProcess(dataDir: string) {
  const code = `import('${path.join(ROOT, 'script/demo-lock.ts')}').then((m) => { const l = m.acquireDemoLock(${JSON.stringify(dataDir)}, 'http://localhost:3999/'); console.log(l.ok ? 'held' : 'refused'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  return { child, started };
}

describe('demo lock', () => {
  it('refuses a second demo naming the running one, and takes over after a kill -9', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-demo-lock-'));
    const first = holdingProcess(dataDir);
    expect(await first.started).toBe('held');

    const second = acquireDemoLock(dataDir, 'http://localhost:3000/');
    expect(second).toMatchObject({ ok: false, holder: { pid: first.child.pid, url: 'http://localhost:3999/' } });

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const third = acquireDemoLock(dataDir, 'http://localhost:3000/');
    expect(third.ok).toBe(true);
    if (third.ok) third.release();
    expect(acquireDemoLock(dataDir, 'http://localhost:3000/').ok).toBe(true);
  }, 30_000);
});
