/**
 * Runs the service as a real child process, capturing its output: src/main.ts through tsx by default
 * (`npm run start:dev`), or the compiled dist/server/main.js with plain node (`npm start`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type ServiceProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitForOutput(re: RegExp, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export function spawnService(env: Record<string, string>, opts: { compiled?: boolean } = {}): ServiceProcess {
  const args = opts.compiled ? [path.join(ROOT, 'dist/server/main.js')] : ['--import', 'tsx', path.join(ROOT, 'src/main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async waitForOutput(re, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = out.match(re);
        if (m) return m[0];
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no output matching ${re} within ${timeoutMs} ms; output:\n${out}`);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
