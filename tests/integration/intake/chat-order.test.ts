/** Per-chat order (src/app/intake/chat-order.ts), on the real outbound log: one indexed query per check. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatOrder } from '../../../src/app/intake/chat-order';
import { RateLimitedError } from '../../../src/domain/ports';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('chat-order')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

const message = (chatId: string, n: number) => ({ channel: 'telegram' as const, chatId, text: `m${n}`, purpose: 'dialog' as const, outboundId: `${chatId}:m${n}` });

describe('per-chat order', () => {
  it('holds a message while an earlier one to the same chat is queued, and lets it go once that is sent', async () => {
    await storage.outbound.recordAll([message('c1', 1), message('c1', 2), message('other', 1)]);
    const wait = createChatOrder(storage.outbound, { waitLimitMs: 60_000, recheckMs: 250 });
    const first = (await storage.outbound.get('c1:m1'))!;
    const second = (await storage.outbound.get('c1:m2'))!;
    await expect(wait(first)).resolves.toBeUndefined();
    await expect(wait((await storage.outbound.get('other:m1'))!)).resolves.toBeUndefined(); // another chat is not held
    const held = await wait(second).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(RateLimitedError);
    expect((held as RateLimitedError).retryAfterMs).toBe(250);
    await storage.outbound.setState('c1:m1', 'sent');
    await expect(wait(second)).resolves.toBeUndefined();
  });

  it('lets a later message go when the earlier one has been queued longer than the limit', async () => {
    await storage.outbound.recordAll([message('c2', 1), message('c2', 2)]);
    const later = new Date(Date.now() + 61_000);
    const wait = createChatOrder(storage.outbound, { waitLimitMs: 60_000, recheckMs: 250, now: () => later });
    await expect(wait((await storage.outbound.get('c2:m2'))!)).resolves.toBeUndefined();
  });
});
