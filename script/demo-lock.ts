/**
 * One demo per data directory: the embedded MongoDB-wire server cannot open a storage directory
 * another one holds (a second demo used to die on a raw WiredTiger error). The lock is a file
 * created exclusively, naming the demo that holds it; a lock whose process is gone is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export type DemoLockHolder = { pid: number; url: string; startedAt: string };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
};

/** Takes the data directory's lock for this process, or names the demo that holds it. */
export function acquireDemoLock(dataDir: string, url: string): { ok: true; release: () => void } | { ok: false; holder: DemoLockHolder } {
  const file = path.join(dataDir, 'demo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const me: DemoLockHolder = { pid: process.pid, url, startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: DemoLockHolder | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as DemoLockHolder;
      } catch {
        holder = undefined; // half-written or unreadable: treated as stale
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { ok: false, holder };
      rmSync(file, { force: true }); // its demo is gone (killed, machine restarted): take over
    }
  }
  throw new Error(`could not take ${file}`);
}
