/**
 * One job per dialog turn where the channel allows it: the simulator's replies (its "sending" is
 * recording) are sent by the inbound job itself, claim before send included, instead of one more
 * outbound job per reply. On the old code every reply went through the outbound-simulator queue.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { say } from '../../support/simulator-citizen';
import { uniqueName } from '../../support/databases';

let app: TestApp;
let redis: Redis;

beforeAll(async () => {
  app = await startTestApp();
  redis = new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await app?.stop();
  await redis?.quit();
});

describe('replies sent by the dialog turn', () => {
  it('records every reply as sent, once, with no outbound job', async () => {
    const chatId = uniqueName('inline');
    const replies = [...(await say(app, chatId, 'Buongiorno')), ...(await say(app, chatId, 'Accetto'))];
    expect(replies.join('\n')).toContain('Che cosa vuoi segnalare?');

    const records = await app.storage.outbound.listForChat('simulator', chatId);
    expect(records.map((r) => r.text)).toEqual(replies);
    expect(records.every((r) => r.state === 'sent')).toBe(true);

    const queue = new Queue('outbound-simulator', { connection: redis, prefix: app.config.REDIS_PREFIX });
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    await queue.close();
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
  });
});
