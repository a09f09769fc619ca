/**
 * The inbox and the inbound queue with the real Redis and MongoDB-wire server: a redelivered
 * message is stored and scheduled once.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/domain/message';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { createReceiveMessage } from '../../../src/app/intake/receive-message';
import { createQueues } from '../../../src/queue/queues';
import { QUEUE_INBOUND } from '../../../src/queue/queue-names';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl, redisUrl, uniqueName } from '../../support/databases';
import { storedKeys } from '../../support/stored-keys';

let conn: mongoose.Connection;
let redis: Redis;
let storage: Storage;
const prefix = uniqueName('q');

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('inbox')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
  await redis.quit();
});

const message = (messageId: string): InboundMessage => ({
  channel: 'telegram',
  chatId: '555',
  messageId,
  receivedAt: new Date(),
  sender: { platformId: '555', phone: '+393331234567', displayName: 'Maria' },
  payload: { kind: 'text', text: 'ciao' },
});

describe('inbox and inbound queue', () => {
  it('stores and schedules a redelivered message once, and keeps the phone number out of the inbox', async () => {
    const queues = createQueues(redis, prefix);
    const citizenRefOf = citizenRefFactory('x'.repeat(32));
    const receive = createReceiveMessage({ inbox: storage.inbox, identities: storage.identities, scheduler: queues.scheduler, citizenRefOf });
    const results = await Promise.all([receive(message('u1')), receive(message('u1')), receive(message('u1'))]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await conn.collection('inbox_messages').countDocuments({ channel: 'telegram', messageId: storedKeys().messageRef('telegram', 'u1') })).toBe(1);
    const q = new Queue(QUEUE_INBOUND, { connection: redis, prefix });
    expect(await q.getJobCounts('waiting')).toEqual({ waiting: 1 });
    const stored = await conn.collection('inbox_messages').findOne({ messageId: storedKeys().messageRef('telegram', 'u1') });
    expect(JSON.stringify(stored)).not.toContain('3331234567');
    const identity = await storage.identities.get(results[0]!.citizenRef);
    expect(identity?.phone).toBe('+393331234567');
    await q.close();
    await queues.close();
  });
});
