/** The operators CLI: create, ensure, disable, enable, set-password, list; never a password as an argument. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperatorsCli, type CliIo } from '../../../script/operators';
import { verifyPassword } from '../../../src/panel/passwords';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl, redisUrl } from '../../support/databases';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let conn: mongoose.Connection;
let storage: Storage;
let mongoUrl: string;

beforeAll(async () => {
  mongoUrl = freshMongoUrl('cli');
  conn = await mongoose.createConnection(mongoUrl).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

function run(argv: string[], opts: { stdin?: string; envPassword?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    operators: storage.operators,
    readStdin: async () => opts.stdin ?? '',
    envPassword: opts.envPassword,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  return runOperatorsCli(argv, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('operators CLI', () => {
  it('creates an operator with the password from stdin, hashed with argon2id', async () => {
    const r = await run(['create', '--username', 'Mario.Rossi', '--name', 'Mario Rossi', '--role', 'supervisor', '--password-stdin'], {
      stdin: 'una password lunga e sicura\n',
    });
    expect(r).toMatchObject({ code: 0, out: 'created operator "mario.rossi" (Mario Rossi, role supervisor)' });
    const op = await storage.operators.findByUsername('mario.rossi');
    expect(op).toMatchObject({ displayName: 'Mario Rossi', role: 'supervisor', disabled: false });
    expect(op!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(op!.passwordHash, 'una password lunga e sicura')).toBe(true);
  });

  it('refuses to create the same username twice, and a short password', async () => {
    expect((await run(['create', '--username', 'mario.rossi', '--password-stdin'], { stdin: 'una password lunga e sicura' })).code).toBe(1);
    const short = await run(['create', '--username', 'short.one', '--password-stdin'], { stdin: 'corta' });
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/at least 12 characters/);
  });

  it('never accepts a password as an argument', async () => {
    for (const argv of [
      ['create', '--username', 'x.y', '--password', 'una password lunga e sicura'],
      ['create', '--username', 'x.y', '--password=una password lunga e sicura'],
      ['set-password', '--username', 'x.y', '-p', 'una password lunga e sicura'],
      ['create', '--username', 'x.y', 'una password lunga e sicura'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
    }
    expect((await run(['create', '--username', 'x.y', '--password', 'secret-value-here'])).err).toMatch(/never accepted as arguments/);
    expect(await storage.operators.findByUsername('x.y')).toBeNull();
  });

  it('takes the password from VICINATO_OPERATOR_PASSWORD when stdin is not used', async () => {
    const r = await run(['create', '--username', 'env.user', '--role', 'agent'], { envPassword: 'dalla variabile di ambiente' });
    expect(r.code).toBe(0);
    const op = await storage.operators.findByUsername('env.user');
    expect(await verifyPassword(op!.passwordHash, 'dalla variabile di ambiente')).toBe(true);
    expect((await run(['create', '--username', 'no.password'])).code).toBe(2);
  });

  it('ensure creates or updates, idempotently', async () => {
    expect((await run(['ensure', '--username', 'agente.demo', '--name', 'Agente Demo', '--role', 'agent', '--password-stdin'], { stdin: 'prima password lunga' })).out).toMatch(/^created/);
    const again = await run(['ensure', '--username', 'agente.demo', '--role', 'supervisor', '--password-stdin'], { stdin: 'seconda password lunga' });
    expect(again.out).toMatch(/^updated operator "agente.demo" \(Agente Demo, role supervisor\)/);
    const op = await storage.operators.findByUsername('agente.demo');
    expect(await verifyPassword(op!.passwordHash, 'seconda password lunga')).toBe(true);
    expect((await storage.operators.list()).filter((o) => o.username === 'agente.demo')).toHaveLength(1);
  });

  it('disables, enables, lists and changes passwords', async () => {
    expect((await run(['disable', '--username', 'mario.rossi'])).code).toBe(0);
    expect((await run(['list'])).out).toMatch(/^mario\.rossi\tsupervisor\tMario Rossi\tdisabled$/m);
    expect((await run(['enable', '--username', 'mario.rossi'])).code).toBe(0);
    expect((await run(['list'])).out).toMatch(/^mario\.rossi\tsupervisor\tMario Rossi\tactive$/m);
    expect((await run(['set-password', '--username', 'mario.rossi', '--password-stdin'], { stdin: 'nuova password lunga\n' })).code).toBe(0);
    const op = await storage.operators.findByUsername('mario.rossi');
    expect(await verifyPassword(op!.passwordHash, 'nuova password lunga')).toBe(true);
    expect((await run(['disable', '--username', 'nobody.here'])).code).toBe(1);
    expect((await run(['frobnicate', '--username', 'x'])).code).toBe(2);
  });

  it('works as a real command with the password piped into stdin', async () => {
    const env = {
      ...process.env,
      MONGODB_URI: mongoUrl,
      REDIS_URL: redisUrl(),
      SESSION_SECRET: 'cli-test-session-secret-0123456789abcdef',
      CITIZEN_REF_SECRET: 'cli-test-citizen-secret-0123456789abcdef',
      VICINATO_OPERATOR_PASSWORD: '',
    };
    const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'script/operators.ts', 'create', '--username', 'spawned.user', '--name', 'Spawned', '--password-stdin'], {
        cwd: ROOT,
        env,
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => resolve({ code, out, err }));
      child.stdin.end('password dalla pipe\n');
    });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('created operator "spawned.user"');
    const op = await storage.operators.findByUsername('spawned.user');
    expect(await verifyPassword(op!.passwordHash, 'password dalla pipe')).toBe(true);
  });
});
