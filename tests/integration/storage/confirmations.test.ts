/**
 * Confirmations of open reports on the MongoDB-wire server: idempotent per message, counted once
 * per citizen, followers, photos, the territory counters and the stored priority.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmedReportView, NewConfirmation, NewReport } from '../../../src/domain/ports';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;
let seq = 0;

const TOWN_HALL = { lat: 43.8414, lng: 10.5731 };

async function newReport(over: Partial<NewReport> = {}) {
  const key = `simulator:r${++seq}`;
  const { report } = await storage.reports.createOnce({
    categoryId: 'abandoned_waste',
    reliability: 'heard',
    point: TOWN_HALL,
    address: 'Piazza Aldo Moro 1, Capannori',
    zone: 'capannori-centro',
    description: 'Sacchi di rifiuti davanti al municipio',
    photoRefs: ['photo-of-reporter'],
    channel: 'simulator',
    citizenRef: `cit_reporter_${seq}`,
    language: 'it',
    priority: 29,
    priorityFactors: { severity: 25, reliability: 0, urgency: 0, photo: 4, confirmations: 0, recency: 0 },
    sourceMessageKey: key,
    ...over,
  });
  return report;
}

const confirmation = (messageId: string, over: Partial<NewConfirmation> = {}): NewConfirmation => ({
  messageId,
  at: new Date('2026-11-18T10:00:00Z'),
  citizenRef: 'cit_anna',
  channel: 'telegram',
  language: 'en',
  reliability: 'seen',
  description: 'Still there, three black bags.',
  photoRefs: [],
  ...over,
});

/** A stand-in for the flow's priority: the count and the number of photos, so the stored value is checkable. */
const rescore = (r: ConfirmedReportView) => ({
  score: 10 * r.confirmations + r.photoRefs.length,
  factors: { confirmations: 10 * r.confirmations, photo: r.photoRefs.length },
});

/** Confirmations counted around a date (a wide window: only the difference matters). */
const confirmationsAround = async (at: Date) => {
  const rows = await storage.stats.indicators({
    from: new Date(at.getTime() - 2 * 86_400_000),
    to: new Date(at.getTime() + 2 * 86_400_000),
    period: 'day',
    groupBy: 'none',
  });
  return rows.reduce((sum, r) => sum + r.confirmations, 0);
};

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('confirmations')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('confirmation repository', () => {
  it('adds a confirmation: counted, kept with its details, the citizen follows, photos attached, version moved on, priority rescored', async () => {
    const report = await newReport();
    const result = await storage.confirmations.addConfirmation(
      report.id,
      confirmation('m1', { photoRefs: ['photo-of-anna'], point: { lat: 43.8415, lng: 10.5732 } }),
      rescore,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.added).toBe(true);
    expect(result.report).toMatchObject({
      id: report.id,
      confirmations: 1,
      photoRefs: ['photo-of-reporter', 'photo-of-anna'],
      priority: 12,
      priorityFactors: { confirmations: 10, photo: 2 },
      lastConfirmedAt: new Date('2026-11-18T10:00:00Z'),
    });
    expect(result.report.version).toBeGreaterThan(report.version);
    expect(result.report.confirmationsList).toEqual([
      {
        messageId: 'm1',
        at: new Date('2026-11-18T10:00:00Z'),
        citizenRef: 'cit_anna',
        channel: 'telegram',
        language: 'en',
        reliability: 'seen',
        description: 'Still there, three black bags.',
        photoRefs: ['photo-of-anna'],
        point: { lat: 43.8415, lng: 10.5732 },
        counted: true,
      },
    ]);
    expect(result.report.followers).toEqual([
      { citizenRef: 'cit_anna', channel: 'telegram', language: 'en', since: new Date('2026-11-18T10:00:00Z') },
    ]);
    // The plain report view (what the panel's queue and Open311 read) carries no confirmer identities.
    const plain = await storage.reports.get(report.id);
    expect(JSON.stringify(plain)).not.toContain('cit_anna');
    expect(plain?.confirmations).toBe(1);
  });

  it('is idempotent per message: a retry adds, counts and follows nothing twice', async () => {
    const report = await newReport();
    const first = await storage.confirmations.addConfirmation(report.id, confirmation('m-retry', { photoRefs: ['p1'] }), rescore);
    const retry = await storage.confirmations.addConfirmation(report.id, confirmation('m-retry', { photoRefs: ['p1'] }), rescore);
    expect(first).toMatchObject({ ok: true, added: true });
    expect(retry).toMatchObject({ ok: true, added: false });
    const stored = await storage.confirmations.get(report.id);
    expect(stored).toMatchObject({
      confirmations: 1,
      photoRefs: ['photo-of-reporter', 'p1'],
      version: first.ok ? first.report.version : -1,
    });
    expect(stored?.confirmationsList).toHaveLength(1);
    expect(stored?.followers).toHaveLength(1);
  });

  it('the same message id on another channel is another confirmation', async () => {
    const report = await newReport();
    await storage.confirmations.addConfirmation(report.id, confirmation('42', { channel: 'telegram', citizenRef: 'cit_a', }));
    await storage.confirmations.addConfirmation(report.id, confirmation('42', { channel: 'whatsapp', citizenRef: 'cit_b', }));
    expect((await storage.confirmations.get(report.id))?.confirmations).toBe(2);
  });

  it('counts distinct citizens: a second message by the same citizen is kept but not counted, and they follow once', async () => {
    const report = await newReport();
    await storage.confirmations.addConfirmation(report.id, confirmation('a1'), rescore);
    const again = await storage.confirmations.addConfirmation(report.id, confirmation('a2', { description: 'Ancora lì.' }), rescore);
    const other = await storage.confirmations.addConfirmation(
      report.id,
      confirmation('b1', { citizenRef: 'cit_bruno', }),
      rescore,
    );
    expect(again).toMatchObject({ ok: true, added: true });
    expect(other.ok && other.report).toMatchObject({ confirmations: 2, priority: 21 });
    const stored = await storage.confirmations.get(report.id);
    expect(stored?.confirmationsList.map((c) => [c.messageId, c.counted])).toEqual([
      ['a1', true],
      ['a2', false],
      ['b1', true],
    ]);
    expect(stored?.followers.map((f) => f.citizenRef)).toEqual(['cit_anna', 'cit_bruno']);
  });

  it("the reporter's own confirmation is kept but neither counted nor followed", async () => {
    const report = await newReport({ citizenRef: 'cit_self' });
    await storage.confirmations.addConfirmation(report.id, confirmation('self-1', { citizenRef: 'cit_self' }));
    const stored = await storage.confirmations.get(report.id);
    expect(stored).toMatchObject({ confirmations: 0, followers: [] });
    expect(stored?.confirmationsList).toHaveLength(1);
  });

  it('refuses a report that is no longer open, and an unknown one', async () => {
    const report = await newReport();
    await storage.reports.applyTransition({ id: report.id, action: 'reject', actor: 'agent' });
    expect(await storage.confirmations.addConfirmation(report.id, confirmation('late'))).toEqual({ ok: false, reason: 'not_open' });
    expect((await storage.confirmations.get(report.id))?.confirmations).toBe(0);
    expect(await storage.confirmations.addConfirmation(new mongoose.Types.ObjectId().toString(), confirmation('x'))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await storage.confirmations.addConfirmation('not-an-id', confirmation('y'))).toEqual({ ok: false, reason: 'not_found' });
  });

  it('a retry after the report was closed still returns the confirmation made before', async () => {
    const report = await newReport();
    await storage.confirmations.addConfirmation(report.id, confirmation('before-close'));
    await storage.reports.applyTransition({ id: report.id, action: 'reject', actor: 'agent' });
    expect(await storage.confirmations.addConfirmation(report.id, confirmation('before-close'))).toMatchObject({ ok: true, added: false });
  });

  it('concurrent confirmations by different citizens are all counted and the stored priority is the final one', async () => {
    const report = await newReport();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        storage.confirmations.addConfirmation(report.id, confirmation(`c${i}`, { citizenRef: `cit_${i}`, }), rescore),
      ),
    );
    expect(results.every((r) => r.ok && r.added)).toBe(true);
    const stored = await storage.confirmations.get(report.id);
    expect(stored).toMatchObject({ confirmations: 4, priority: 41 });
    expect(stored?.followers).toHaveLength(4);
  });

  it('lists the reports a citizen follows, newest first, and only theirs', async () => {
    const older = await newReport();
    const newer = await newReport();
    await storage.confirmations.addConfirmation(older.id, confirmation('f1', { citizenRef: 'cit_follows' }));
    await storage.confirmations.addConfirmation(newer.id, confirmation('f2', { citizenRef: 'cit_follows' }));
    const followed = await storage.confirmations.listFollowed('cit_follows', 5);
    expect(followed.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await storage.confirmations.listFollowed('cit_follows', 1)).toHaveLength(1);
    expect(await storage.confirmations.listFollowed('cit_nobody', 5)).toEqual([]);
  });

  it('feeds the territory counters once per counted confirmation, on the report day', async () => {
    const report = await newReport();
    const before = await confirmationsAround(report.createdAt);
    await storage.confirmations.addConfirmation(report.id, confirmation('s1', { citizenRef: 'cit_s1' }));
    await storage.confirmations.addConfirmation(report.id, confirmation('s1', { citizenRef: 'cit_s1' }));
    await storage.confirmations.addConfirmation(report.id, confirmation('s2', { citizenRef: 'cit_s1' }));
    await storage.confirmations.addConfirmation(report.id, confirmation('s3', { citizenRef: 'cit_s3' }));
    expect((await confirmationsAround(report.createdAt)) - before).toBe(2);
  });
});
