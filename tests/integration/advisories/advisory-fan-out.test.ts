/**
 * An advisory's background fan-out against the real service's storage and queues: a job that
 * crashes half-way and runs again still gives every subscriber exactly one message; a job that
 * gives up shows the advisory as failed, and the same send again completes it; the queue keeps one
 * job per advisory and runs one that failed for good again when it is scheduled again.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobScheduler } from '../../../src/domain/ports';
import { createFanOutAdvisory } from '../../../src/app/advisories/fan-out-advisory';
import { advisoryFanOutTask } from '../../../src/app/advisories/fan-out-task';
import { createLogger } from '../../../src/log/logger';
import { QUEUE_ADVISORIES, outboundQueueName } from '../../../src/queue/queue-names';
import { createQueues, startWorker, type AdvisoryJob } from '../../../src/queue/queues';
import { PermanentJobError, type Task } from '../../../src/queue/task';
import { redisUrl, uniqueName } from '../../support/databases';
import { startTestApp, type TestApp } from '../../support/test-app';
import { chatMessages, eventually, loggedIn, newChatId, refOf, seedIdentity, type PanelClient } from '../panel/panel-helpers';
import { advisoryListed } from './advisory-helpers';

let app: TestApp;
let redis: Redis;
let supervisor: PanelClient;
beforeAll(async () => {
  app = await startTestApp();
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  supervisor = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
});
afterAll(async () => {
  await redis?.quit();
  await app?.stop();
});

const ZONE_NAMES = new Map([['marlia', 'Marlia']]);
const ctx = (attempt: number) => ({ jobId: 'test', attempt, maxAttempts: 8 });

/** A simulator citizen subscribed to a zone (stored directly: the subscription dialog is tested elsewhere). */
async function subscriber(zoneId: string, opts: { withIdentity?: boolean } = {}) {
  const chatId = newChatId();
  const citizenRef = refOf(app, chatId);
  if (opts.withIdentity !== false) await seedIdentity(app, chatId);
  await app.storage.subscriptions.add({
    citizenRef,
    channel: 'simulator',
    language: 'it',
    kind: 'zone',
    zoneId,
    sourceMessageKey: `test:${randomUUID()}`,
  });
  return chatId;
}

const advisoryMessagesOf = async (chatId: string, text: string) =>
  (await chatMessages(app, chatId)).filter((m) => m.purpose === 'advisory' && m.text.includes(text));

/** The app's own queues (its workers deliver what is queued here), optionally crashing once. */
function appScheduler(crashOnCall?: number): Pick<JobScheduler, 'enqueueOutbound'> & { crashed: boolean } {
  const real = createQueues(redis, app.config.REDIS_PREFIX).scheduler;
  let calls = 0;
  const scheduler = {
    crashed: false,
    async enqueueOutbound(msg: Parameters<JobScheduler['enqueueOutbound']>[0]) {
      calls++;
      if (!scheduler.crashed && calls === crashOnCall) {
        scheduler.crashed = true;
        throw new Error('simulated crash of the worker');
      }
      await real.enqueueOutbound(msg);
    },
  };
  return scheduler;
}

describe('the background fan-out of an advisory', () => {
  it('retried after a crash half-way, gives every subscriber exactly one message and records the counts', async () => {
    const chats = await Promise.all(Array.from({ length: 7 }, () => subscriber('marlia')));
    await subscriber('marlia', { withIdentity: false });
    const text = `Mercato spostato in piazza: ${randomUUID()}`;
    const { advisory } = await app.storage.advisories.create({ zones: ['marlia'], text, author: 'sara.capo' });
    expect(advisory.state).toBe('sending');

    const scheduler = appScheduler(5);
    const fanOut = createFanOutAdvisory({ ...app.storage, scheduler, municipalityName: 'Capannori', zoneNames: ZONE_NAMES, batchSize: 3 });
    const logger = createLogger({ level: 'info', json: true, silent: true });
    const info = vi.spyOn(logger, 'info');
    const task = advisoryFanOutTask({ advisories: app.storage.advisories, fanOut, logger });

    // First attempt: the worker dies after some messages were recorded and queued.
    await expect(task.perform({ advisoryId: advisory.id }, ctx(1))).rejects.toThrow('simulated crash');
    expect(scheduler.crashed).toBe(true);
    const halfway = await advisoryListed(supervisor, advisory.id, () => true);
    expect(halfway.state).toBe('sending');
    expect(halfway.delivery.queued + halfway.delivery.sent).toBeGreaterThan(0);
    expect(halfway.delivery.queued + halfway.delivery.sent).toBeLessThan(7);

    // The retry completes it; a further run (e.g. a stalled job picked up again) changes nothing.
    await task.perform({ advisoryId: advisory.id }, ctx(2));
    await task.perform({ advisoryId: advisory.id }, ctx(3));

    const listed = await advisoryListed(supervisor, advisory.id, (a) => a.state === 'sent' && a.delivery.sent === 7);
    expect(listed).toMatchObject({ state: 'sent', recipients: 8, failedRecipients: 1, finishedAt: expect.any(String) });
    expect(listed.delivery).toEqual({ queued: 0, sent: 7, delivered: 0, read: 0, failed: 0, undeliverable: 0 });
    for (const chatId of chats) {
      const got = await advisoryMessagesOf(chatId, text);
      expect(got).toHaveLength(1);
      expect(got[0]!.text).toContain('Avviso del Comune di Capannori per la zona Marlia');
    }
    expect(await app.mongo.collection('outbound_messages').countDocuments({ advisoryId: advisory.id })).toBe(7);
    const outboundQueue = new Queue(outboundQueueName('simulator'), { connection: redis, prefix: app.config.REDIS_PREFIX });
    const jobs = await outboundQueue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    await outboundQueue.close();
    expect(jobs.filter((j) => String(j.data.outboundId).startsWith(`advisory:${advisory.id}:`))).toHaveLength(7);

    // One line with the counts, and no chat ids in it.
    const lines = info.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith(`advisory ${advisory.id} sent`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('8 recipients, 7 queued, 1 failed');
    for (const chatId of chats) expect(lines[0]).not.toContain(chatId);
  });

  it('shows a send that gave up as failed, and the same send again (same Idempotency-Key) completes it', async () => {
    const chatId = await subscriber('lammari');
    const key = randomUUID();
    const body = { zones: ['lammari'], text: `Acqua sospesa in via delle Ville: ${randomUUID()}` };
    const { advisory } = await app.storage.advisories.create({ ...body, author: 'sara.capo', requestKey: key });
    const logger = createLogger({ level: 'info', json: true, silent: true });
    const task = advisoryFanOutTask({ advisories: app.storage.advisories, fanOut: () => Promise.reject(new Error('unused')), logger });
    // What the worker calls after the job's last attempt failed.
    await task.onFailed!({ advisoryId: advisory.id }, new Error('MongoDB unreachable'));
    expect(await advisoryListed(supervisor, advisory.id, () => true)).toMatchObject({
      state: 'failed',
      recipients: 0,
      finishedAt: expect.any(String),
    });
    expect(await advisoryMessagesOf(chatId, body.text)).toEqual([]);

    const again = await supervisor.request('POST', '/api/advisories', { body, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(202);
    expect(again.body.advisory).toMatchObject({ id: advisory.id, state: 'sending' });
    expect(await advisoryListed(supervisor, advisory.id, (a) => a.state === 'sent')).toMatchObject({ recipients: 1, failedRecipients: 0 });
    const got = await eventually(async () => {
      const m = await advisoryMessagesOf(chatId, body.text);
      return m.length > 0 && m;
    });
    expect(got).toHaveLength(1);
  });
});

describe('the advisories queue', () => {
  it('keeps one job per advisory, and runs one that failed for good again when it is scheduled again', async () => {
    const prefix = uniqueName('adv');
    const queues = createQueues(redis, prefix);
    const advisoryId = 'a'.repeat(24);
    let runs = 0;
    const failures: string[] = [];
    const task: Task<AdvisoryJob> = {
      name: 'fan-out-advisory',
      jobOptions: {},
      async perform() {
        runs++;
        if (runs === 1) throw new PermanentJobError('gave up');
      },
      async onFailed(job, error) {
        failures.push(`${job.advisoryId}: ${error.message}`);
      },
    };
    await queues.scheduler.enqueueAdvisoryFanOut(advisoryId);
    await queues.scheduler.enqueueAdvisoryFanOut(advisoryId);
    const logger = createLogger({ level: 'warn', json: true, silent: true });
    const worker = startWorker(QUEUE_ADVISORIES, task, { connection: redis, prefix, logger });
    const queue = queues.queue(QUEUE_ADVISORIES);
    try {
      await eventually(async () => failures.length === 1);
      expect(failures).toEqual([`${advisoryId}: gave up`]);
      expect(await queue.getJobCounts('failed', 'completed', 'waiting')).toEqual({ failed: 1, completed: 0, waiting: 0 });

      await queues.scheduler.enqueueAdvisoryFanOut(advisoryId);
      await eventually(async () => (await queue.getJobCounts('completed')).completed === 1);
      expect(runs).toBe(2);
      expect(await queue.getJobCounts('failed', 'completed', 'waiting', 'active', 'delayed')).toEqual({
        failed: 0,
        completed: 1,
        waiting: 0,
        active: 0,
        delayed: 0,
      });
      // Done: scheduling it again runs nothing.
      await queues.scheduler.enqueueAdvisoryFanOut(advisoryId);
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toBe(2);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queues.close();
    }
  });
});
