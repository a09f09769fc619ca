/**
 * The start of a dialog turn reads the conversation and the pending messages; with many chats busy
 * at once those reads go together (src/storage/repositories/chat-batch-loader.ts). On the
 * MongoDB-wire server: one query for the chats asked together, each chat gets its own answer, and a
 * chat flooded with messages does not crowd out the others.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/domain/message';
import { createStorage, ensureIndexes } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: ReturnType<typeof createStorage>;
const finds: string[] = [];

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('chat-batch'), { monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'find') finds.push(String(e.command.find));
  });
  storage = createStorage(conn, {});
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

const texts = (records: Array<{ payload: unknown }>) => records.map((r) => (r.payload as { text: string }).text);
const message = (chatId: string, n: number): InboundMessage => ({
  channel: 'telegram',
  chatId,
  messageId: `${chatId}-${n}`,
  sender: { platformId: chatId },
  receivedAt: new Date(Date.UTC(2026, 10, 18, 10, 0, n)),
  payload: { kind: 'text', text: `message ${n} of ${chatId}` },
});

describe('reads at the start of many chats\' turns', () => {
  it('the conversations of chats asked together come from one query, each its own', async () => {
    await storage.conversations.save('telegram', 'c-1', 'cit_1', { step: 'one' }, 0, 'm1');
    await storage.conversations.save('telegram', 'c-2', 'cit_2', { step: 'two' }, 0, 'm2');
    finds.length = 0;
    const [one, nobody, two] = await Promise.all(['c-1', 'c-none', 'c-2'].map((chat) => storage.conversations.load('telegram', chat)));
    expect(finds).toEqual(['conversations']);
    expect(one).toEqual({ state: { step: 'one' }, version: 1, lastMessageId: 'm1' });
    expect(nobody).toEqual({ state: null, version: 0 });
    expect(two).toEqual({ state: { step: 'two' }, version: 1, lastMessageId: 'm2' });
  });

  it('the pending messages of chats asked together come from one query, each chat its own, in order', async () => {
    for (const n of [2, 1]) await storage.inbox.save(message('p-a', n), 'cit_a');
    await storage.inbox.save(message('p-b', 1), 'cit_b');
    finds.length = 0;
    const [a, b, none] = await Promise.all(['p-a', 'p-b', 'p-none'].map((chat) => storage.inbox.listPending('telegram', chat)));
    expect(finds).toEqual(['inbox_messages']);
    expect(texts(a)).toEqual(['message 1 of p-a', 'message 2 of p-a']);
    expect(texts(b)).toEqual(['message 1 of p-b']);
    expect(none).toEqual([]);
  });

  it('a chat flooded with messages does not crowd out another chat read with it', async () => {
    // 150 messages for one chat, older than the other chat's one: a read limited for the whole
    // batch would fill up with the flood.
    for (let n = 0; n < 150; n++) await storage.inbox.save(message('flood', n), 'cit_f');
    await storage.inbox.save({ ...message('quiet', 1), receivedAt: new Date(Date.UTC(2026, 10, 18, 11)) }, 'cit_q');
    const [flood, quiet] = await Promise.all([storage.inbox.listPending('telegram', 'flood'), storage.inbox.listPending('telegram', 'quiet')]);
    expect(texts(flood)).toEqual(Array.from({ length: 100 }, (_, n) => `message ${n} of flood`));
    expect(texts(quiet)).toEqual(['message 1 of quiet']);
  });
});
