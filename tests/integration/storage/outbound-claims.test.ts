/**
 * Claim before send with many sends at once (src/storage/repositories/outbound-claims.ts), on the
 * MongoDB-wire server: claims asked for together go as one read and one update, and each message
 * is still claimed by one attempt only, whatever else is in the batch.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, ensureIndexes } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: ReturnType<typeof createStorage>;
const commands: string[] = [];

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('outbound-claims'), { monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => {
    if (e.command[e.commandName] === 'outbound_messages') commands.push(e.commandName);
  });
  storage = createStorage(conn, {});
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

const NOW = new Date('2026-12-04T10:00:00Z');
const STALE_BEFORE = new Date(NOW.getTime() - 60_000);
const reply = (outboundId: string) => ({ channel: 'telegram' as const, chatId: `chat-${outboundId}`, text: `text of ${outboundId}`, purpose: 'dialog' as const, outboundId });
const claimAll = (ids: string[], now = NOW) => Promise.all(ids.map((id) => storage.outbound.claim(id, now, STALE_BEFORE)));

describe('claims asked for together', () => {
  it('go as one read and one update, and each caller gets its own message', async () => {
    await storage.outbound.recordAll(['a1', 'a2', 'a3'].map(reply));
    commands.length = 0;
    const outcomes = await claimAll(['a1', 'a2', 'a3']);
    expect(commands).toEqual(['find', 'update']);
    expect(outcomes.map((o) => [o.outcome, 'record' in o ? o.record.text : undefined])).toEqual([
      ['claimed', 'text of a1'],
      ['claimed', 'text of a2'],
      ['claimed', 'text of a3'],
    ]);
    // Claimed now: a second attempt, even one batched, gets none of them.
    expect((await claimAll(['a1', 'a2'])).map((o) => o.outcome)).toEqual(['in_flight', 'in_flight']);
  });

  it('the same message asked for twice in one batch is claimed by one attempt only', async () => {
    await storage.outbound.recordAll([reply('b1')]);
    const outcomes = await claimAll(['b1', 'b1', 'b1']);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['claimed', 'in_flight', 'in_flight']);
  });

  it('two workers claiming the same messages at once: each message goes to one of them', async () => {
    // A second worker process: its own repositories (its own batches) on the same database.
    const other = createStorage(conn, {});
    const ids = Array.from({ length: 6 }, (_, i) => `e${i}`);
    await storage.outbound.recordAll(ids.map(reply));
    const [mine, theirs] = await Promise.all([claimAll(ids), Promise.all(ids.map((id) => other.outbound.claim(id, NOW, STALE_BEFORE)))]);
    ids.forEach((_, i) => {
      expect([mine[i]!.outcome, theirs[i]!.outcome].sort()).toEqual(['claimed', 'in_flight']);
    });
  });

  it('tells every other case apart in a batch: sent, missing, claimed by another attempt, never confirmed', async () => {
    await storage.outbound.recordAll(['c-new', 'c-sent', 'c-busy', 'c-dead'].map(reply));
    await storage.outbound.setState('c-sent', 'sent');
    await storage.outbound.claim('c-busy', new Date(NOW.getTime() - 5_000), STALE_BEFORE); // another attempt, 5 s ago
    await storage.outbound.claim('c-dead', new Date(NOW.getTime() - 120_000), STALE_BEFORE); // one that died 2 min ago
    const outcomes = await claimAll(['c-new', 'c-sent', 'c-missing', 'c-busy', 'c-dead']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['claimed', 'not_sendable', 'missing', 'in_flight', 'unconfirmed']);
  });

  it('a released claim can be claimed again, alone or in a batch', async () => {
    await storage.outbound.recordAll(['d1', 'd2'].map(reply));
    expect((await claimAll(['d1', 'd2'])).map((o) => o.outcome)).toEqual(['claimed', 'claimed']);
    await storage.outbound.releaseClaim('d1');
    await storage.outbound.releaseClaim('d2');
    expect((await storage.outbound.claim('d1', NOW, STALE_BEFORE)).outcome).toBe('claimed');
    await storage.outbound.releaseClaim('d1');
    expect((await claimAll(['d1', 'd2'])).map((o) => o.outcome)).toEqual(['claimed', 'claimed']);
  });
});
