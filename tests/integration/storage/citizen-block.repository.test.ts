/**
 * Citizen blocks on the MongoDB-wire server: the list of blocked citizens a process keeps so that
 * nobody else's message costs a query. Its own blocks apply at once; another process's after the
 * list's time; an expired or lifted block lets the citizen be heard again.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizenBlockRepository } from '../../../src/storage/repositories/citizen-block.repository';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('citizen-blocks')).asPromise();
});
afterAll(async () => {
  await conn.close();
});

const NOW = new Date('2026-11-18T10:00:00Z');
const block = (citizenRef: string, days = 1) => ({ citizenRef, reason: 'insulti', until: new Date(NOW.getTime() + days * 86_400_000), by: 'agente', at: NOW });

describe('citizen blocks, as the intake asks for every message', () => {
  it("this process's block applies to the next message; its unblock too", async () => {
    const blocks = createCitizenBlockRepository(conn, { listTtlMs: 60_000 });
    expect(await blocks.countBlocked('cit_a', NOW)).toBeNull(); // the list is read now, without cit_a
    await blocks.block(block('cit_a'));
    expect(await blocks.countBlocked('cit_a', NOW)).toMatchObject({ block: { citizenRef: 'cit_a', blockedMessages: 1 }, noticeDue: true });
    expect(await blocks.countBlocked('cit_a', NOW)).toMatchObject({ block: { blockedMessages: 2 }, noticeDue: false });
    expect(await blocks.unblock('cit_a', NOW)).toBe(true);
    expect(await blocks.countBlocked('cit_a', NOW)).toBeNull();
  });

  it("another process's block applies once this process's list is older than its time", async () => {
    const web = createCitizenBlockRepository(conn, { listTtlMs: 60_000 });
    const intake = createCitizenBlockRepository(conn, { listTtlMs: 200 });
    expect(await intake.countBlocked('cit_b', NOW)).toBeNull();
    await web.block(block('cit_b'));
    await new Promise((r) => setTimeout(r, 250));
    expect(await intake.countBlocked('cit_b', NOW)).toMatchObject({ block: { citizenRef: 'cit_b', blockedMessages: 1 }, noticeDue: true });
  });

  it('a block that has run out no longer holds messages back, though still listed', async () => {
    const blocks = createCitizenBlockRepository(conn, { listTtlMs: 60_000 });
    await blocks.block(block('cit_c', 1));
    const dayAfter = new Date(NOW.getTime() + 2 * 86_400_000);
    expect(await blocks.countBlocked('cit_c', dayAfter)).toBeNull();
    expect(await blocks.active('cit_c', dayAfter)).toBeNull();
  });
});
