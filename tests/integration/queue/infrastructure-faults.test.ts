/**
 * Infrastructure faults never use a message up: errors from a MongoDB or Redis that cannot be
 * reached (real errors, from real clients pointed at a closed port) are retried without counting an
 * attempt, while a fault of the message itself still fails after its attempts.
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../script/embedded-servers';
import { createLogger } from '../../../src/log/logger';
import { isInfrastructureFault } from '../../../src/domain/infrastructure-fault';
import { startWorker } from '../../../src/queue/queues';
import { createMetrics } from '../../../src/observability/metrics';
import { redisUrl, uniqueName } from '../../support/databases';
import { storedKeys } from '../../support/stored-keys';

/** The value of one sample in Prometheus' text format, whatever the label order. */
const sample = (text: string, name: string, labels: Record<string, string>) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .map((l) => Number(l.split(' ').pop()))[0];

let mongoDown: Error;
let redisDown: Error;
let redis: Redis;

beforeAll(async () => {
  const closed = await freePort();
  mongoDown = await mongoose
    .createConnection(`mongodb://127.0.0.1:${closed}/x`, { serverSelectionTimeoutMS: 300 })
    .asPromise()
    .then(() => new Error('connected to a closed port?'))
    .catch((e: Error) => e);
  const client = new Redis(`redis://127.0.0.1:${closed}`, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => undefined); // the refused connect is the point
  redisDown = await client.ping().then(() => new Error('redis answered on a closed port?'), (e: Error) => e);
  client.disconnect();
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis.quit();
});

describe('isInfrastructureFault', () => {
  it('recognises a MongoDB and a Redis that cannot be reached, and not a bug', () => {
    expect(mongoDown.name).toBe('MongooseServerSelectionError');
    expect(isInfrastructureFault(mongoDown)).toBe(true);
    expect(isInfrastructureFault(redisDown), `${redisDown.name}: ${redisDown.message}`).toBe(true);
    expect(isInfrastructureFault(new TypeError("Cannot read properties of undefined (reading 'kind')"))).toBe(false);
    expect(isInfrastructureFault(new Error('invalid stored payload'))).toBe(false);
  });
});

describe('a worker facing an outage', () => {
  const prefix = uniqueName('infra');
  const logger = createLogger({ level: 'error', json: false });

  it('retries an infrastructure fault beyond the job\'s attempts, then completes it', async () => {
    const name = uniqueName('outage');
    const metrics = createMetrics({ role: 'worker' });
    let runs = 0;
    const worker = startWorker<{ n: number }>(
      name,
      {
        name: 'job',
        jobOptions: {},
        async perform() {
          runs++;
          if (runs <= 4) throw mongoDown; // MongoDB down for four runs: more than the 2 attempts
        },
      },
      { connection: redis, prefix, logger, onJobDone: metrics.jobDone },
    );
    const queue = new Queue(name, { connection: redis, prefix });
    const events = new QueueEvents(name, { connection: redis, prefix });
    await events.waitUntilReady();
    const job = await queue.add('job', { n: 1 }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    await job.waitUntilFinished(events, 60_000);
    expect(runs).toBe(5);
    expect((await queue.getJob(job.id!))?.attemptsMade).toBeLessThanOrEqual(1);
    // Job metrics (deploy/prometheus/alerts.yml): waited-out runs are 'delayed', not failures.
    const text = await metrics.registry.metrics();
    expect(sample(text, 'vicinato_job_duration_seconds_count', { queue: name, outcome: 'delayed' })).toBe(4);
    expect(sample(text, 'vicinato_job_duration_seconds_count', { queue: name, outcome: 'completed' })).toBe(1);
    expect(sample(text, 'vicinato_job_failures_total', { queue: name })).toBeUndefined();
    await Promise.all([worker.close(), queue.close(), events.close()]);
  }, 70_000);

  it('still fails a message that fails by itself after its attempts', async () => {
    const name = uniqueName('poison');
    const metrics = createMetrics({ role: 'worker' });
    let runs = 0;
    let failedWith: string | undefined;
    const worker = startWorker<{ n: number }>(
      name,
      {
        name: 'job',
        jobOptions: {},
        async perform() {
          runs++;
          throw new TypeError('engine bug');
        },
        async onFailed(_p, err) {
          failedWith = err.message;
        },
      },
      { connection: redis, prefix, logger, onJobDone: metrics.jobDone },
    );
    const queue = new Queue(name, { connection: redis, prefix });
    await queue.add('job', { n: 1 }, { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    for (let i = 0; i < 100 && !failedWith; i++) await new Promise((r) => setTimeout(r, 100));
    expect(failedWith).toBe('engine bug');
    expect(runs).toBe(3);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'vicinato_job_failures_total', { queue: name, final: 'false' })).toBe(2);
    expect(sample(text, 'vicinato_job_failures_total', { queue: name, final: 'true' })).toBe(1);
    await Promise.all([worker.close(), queue.close()]);
  });
});

describe('receiving a message with Redis down', () => {
  it('stores it and returns once stored, leaving the job to the reconciler', async () => {
    const { createReceiveMessage } = await import('../../../src/app/intake/receive-message');
    const { citizenRefFactory } = await import('../../../src/app/intake/citizen-ref');
    const { createQueues } = await import('../../../src/queue/queues');
    const { createStorage } = await import('../../../src/storage');
    const { freshMongoUrl } = await import('../../support/databases');
    const conn = await mongoose.createConnection(freshMongoUrl('redisdown')).asPromise();
    // A real client for a Redis that is not there, configured as the service's (waits for Redis).
    const deadRedis = new Redis(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: null, retryStrategy: () => 200 });
    deadRedis.on('error', () => undefined);
    const deferred: string[] = [];
    const receive = createReceiveMessage({
      inbox: createStorage(conn).inbox,
      identities: createStorage(conn).identities,
      scheduler: createQueues(deadRedis, uniqueName('dead')).scheduler,
      citizenRefOf: citizenRefFactory('x'.repeat(32)),
      enqueueWaitMs: 300,
      onScheduleDeferred: (msg, reason) => deferred.push(`${msg.messageId}: ${reason}`),
    });
    const result = await receive({
      channel: 'telegram',
      chatId: '777',
      messageId: 'while-redis-down',
      receivedAt: new Date(),
      sender: { platformId: '777' },
      payload: { kind: 'text', text: 'ciao' },
    });
    expect(result.duplicate).toBe(false);
    expect(await conn.collection('inbox_messages').countDocuments({ messageId: storedKeys().messageRef('telegram', 'while-redis-down'), state: 'received' })).toBe(1);
    // The log names the message by its stored reference: a WhatsApp or Telegram id would carry the person.
    expect(deferred).toEqual([`${storedKeys().messageRef('telegram', 'while-redis-down')}: no answer from Redis in 300 ms`]);
    deadRedis.disconnect();
    await conn.dropDatabase();
    await conn.close();
  });
});
