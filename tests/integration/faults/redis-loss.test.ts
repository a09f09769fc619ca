/**
 * Redis may lose everything: real processes (web and worker apart), a dedicated redis-server that is
 * flushed, and a worker killed with SIGKILL. Every message stored in MongoDB is answered once the
 * worker is back, each reply exactly once and in order, by the reconciler re-scheduling from MongoDB.
 * On the old code a stored message whose job was lost stayed unprocessed until the citizen wrote again.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis, type RunningServer } from '../../../script/embedded-servers';
import { freshMongoUrl, uniqueName } from '../../support/databases';
import { spawnService, type ServiceProcess } from '../../support/service-process';
import { storedKeys } from '../../support/stored-keys';

let redisServer: RunningServer;
let mongoUrl: string;
let conn: mongoose.Connection;
let web: ServiceProcess;
let webUrl: string;
const started: ServiceProcess[] = [];

const env = () => ({
  NODE_ENV: 'development',
  SESSION_SECRET: 'faults-session-secret-0123456789abcdef',
  CITIZEN_REF_SECRET: 'faults-citizen-secret-0123456789abcdef',
  REDIS_PREFIX: 'faults',
  REDIS_URL: redisServer.url,
  MONGODB_URI: mongoUrl,
  MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vicinato-faults-')),
  LOG_LEVEL: 'info',
  RECONCILE_INTERVAL_MS: '300',
  RECONCILE_GRACE_MS: '300',
});

function startWorker(): ServiceProcess {
  const worker = spawnService({ ...env(), SERVICES: 'worker', PORT: '0' });
  started.push(worker);
  return worker;
}

/** Stores one message through the simulator while no worker runs: the answer is 504 "stored but not processed". */
async function sendUnprocessed(chatId: string, text: string) {
  const res = await fetch(`${webUrl}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(504);
}

/** The bot's messages to a chat, as recorded in MongoDB, in recorded order; with their delivery state. */
async function botMessages(chatId: string) {
  const docs = await conn.collection('outbound_messages').find({ channel: 'simulator', chatKey: storedKeys({ ...env(), DATA_ENCRYPTION_KEY_ID: 'k1' }).chatKey('simulator', chatId) }).sort({ seq: 1 }).toArray();
  return docs.map((d) => ({ text: String(d.text), state: String(d.state), inReplyTo: String(d.inReplyTo) }));
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  redisServer = await startRedis();
  mongoUrl = freshMongoUrl('faults');
  conn = await mongoose.createConnection(mongoUrl).asPromise();
  const port = await freePort();
  web = spawnService({ ...env(), SERVICES: 'web', PORT: String(port) });
  started.push(web);
  webUrl = `http://127.0.0.1:${port}`;
  await web.waitForOutput(/listening|http:\/\/|ready/i, 30_000);
  await until('the web process', async () => ((await fetch(`${webUrl}/healthz`).catch(() => null))?.ok ? true : undefined));
}, 60_000);

afterAll(async () => {
  for (const p of started) await p.stop('SIGKILL').catch(() => undefined);
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
  await redisServer?.stop();
});

describe('Redis loses everything and the worker is killed', () => {
  it('answers every stored message once, in order, after a flush and a kill -9', async () => {
    const chats = [uniqueName('c'), uniqueName('c'), uniqueName('c')];
    // 1. Messages stored while no worker runs; then Redis loses their jobs.
    await Promise.all(chats.map((c) => sendUnprocessed(c, 'ciao')));
    await sendUnprocessed(chats[0]!, 'aiuto');
    const redis = new Redis(redisServer.url);
    await redis.flushall();

    // 2. A worker starts on an empty Redis: the reconciler finds the messages in MongoDB.
    let worker = startWorker();
    for (const c of chats) await until(`replies to ${c}`, async () => ((await botMessages(c)).some((m) => m.state === 'sent') ? true : undefined));
    await until('both messages of the first chat', async () => {
      const replies = await botMessages(chats[0]!);
      return new Set(replies.map((r) => r.inReplyTo)).size === 2 && replies.every((r) => r.state === 'sent') ? true : undefined;
    });

    // 3. The worker is killed with SIGKILL, a new message is stored, Redis is flushed again.
    await worker.stop('SIGKILL');
    await sendUnprocessed(chats[1]!, 'aiuto');
    await redis.flushall();
    worker = startWorker();
    await until('the answer after the kill', async () => {
      const replies = await botMessages(chats[1]!);
      return new Set(replies.map((r) => r.inReplyTo)).size === 2 && replies.every((r) => r.state === 'sent') ? true : undefined;
    });
    await redis.quit();

    // Every stored message is processed; each chat got the same welcome as the others, once, in order.
    const unprocessed = await conn.collection('inbox_messages').countDocuments({ state: { $ne: 'processed' } });
    expect(unprocessed).toBe(0);
    const welcome = (await botMessages(chats[2]!)).map((m) => m.text);
    expect(welcome.length).toBeGreaterThan(0);
    for (const c of chats) {
      const replies = await botMessages(c);
      expect(replies.slice(0, welcome.length).map((m) => m.text)).toEqual(welcome);
      expect(replies.every((m) => m.state === 'sent')).toBe(true);
    }
    // "aiuto" got the same answer in the first and the second chat, once each.
    const help0 = (await botMessages(chats[0]!)).slice(welcome.length).map((m) => m.text);
    const help1 = (await botMessages(chats[1]!)).slice(welcome.length).map((m) => m.text);
    expect(help0.length).toBeGreaterThan(0);
    expect(help1).toEqual(help0);
  }, 120_000);
});
