/**
 * Many chats' turns at once, on the MongoDB-wire server: a turn reads the conversation and the
 * pending messages and saves the conversation, and the simulator reads a message's replies; what
 * is asked for together goes as one command (src/storage/repositories/batch-loader.ts,
 * write-batcher.ts), each caller gets its own answer, a save that lost its race is still told
 * apart, and a chat flooded with messages does not crowd out the others.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/domain/message';
import { createStorage, ensureIndexes } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: ReturnType<typeof createStorage>;
const finds: string[] = [];
const updates: string[] = [];

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('chat-batch'), { monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'find') finds.push(String(e.command.find));
    if (e.commandName === 'update') updates.push(String(e.command.update));
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

describe('reads of many chats\' turns at once', () => {
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

  it('the saves of chats\' turns together go as one command; a save that lost its race is told apart', async () => {
    for (const chat of ['s-1', 's-2', 's-3']) await storage.conversations.save('telegram', chat, 'cit_s', { step: 'start' }, 0, 'm0');
    // s-2 was saved meanwhile by someone else: its version is no longer 1.
    expect(await storage.conversations.save('telegram', 's-2', 'cit_s', { step: 'elsewhere' }, 1, 'm-other')).toBe(true);
    updates.length = 0;
    const saved = await Promise.all(['s-1', 's-2', 's-3'].map((chat) => storage.conversations.save('telegram', chat, 'cit_s', { step: 'next' }, 1, 'm1')));
    expect(updates).toEqual(['conversations']);
    expect(saved).toEqual([true, false, true]);
    const states = await Promise.all(['s-1', 's-2', 's-3'].map((chat) => storage.conversations.load('telegram', chat)));
    expect(states.map((c) => [c.state, c.version, c.lastMessageId])).toEqual([
      [{ step: 'next' }, 2, 'm1'],
      [{ step: 'elsewhere' }, 2, 'm-other'],
      [{ step: 'next' }, 2, 'm1'],
    ]);
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

  it('the replies to messages of chats asked together come from one query, each message its own, in order', async () => {
    const reply = (chatId: string, inReplyTo: string, i: number) => ({
      channel: 'telegram' as const, chatId, text: `reply ${i} to ${inReplyTo}`, purpose: 'dialog' as const, inReplyTo, outboundId: `telegram:${inReplyTo}:r${i}`,
    });
    await storage.outbound.recordAll([reply('r-a', 'ma', 0), reply('r-a', 'ma', 1)]);
    await storage.outbound.recordAll([reply('r-b', 'mb', 0)]);
    finds.length = 0;
    const [a, b, none] = await Promise.all(['ma', 'mb', 'm-none'].map((m) => storage.outbound.listReplies('telegram', m)));
    expect(finds).toEqual(['outbound_messages']);
    expect(a.map((r) => r.text)).toEqual(['reply 0 to ma', 'reply 1 to ma']);
    expect(b.map((r) => r.text)).toEqual(['reply 0 to mb']);
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
