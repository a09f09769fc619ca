import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../../../src/domain/ports';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;

const draft = (key: string, over: Partial<NewReport> = {}): NewReport => ({
  categoryId: 'abandoned_waste',
  reliability: 'seen',
  point: { lat: 43.8414, lng: 10.5731 },
  address: 'Piazza Aldo Moro 1, Capannori',
  zone: 'capannori-centro',
  description: 'Sacchi di rifiuti davanti al municipio',
  photoRefs: [],
  channel: 'simulator',
  citizenRef: 'cit_test',
  language: 'it',
  priority: 3,
  sourceMessageKey: key,
  ...over,
});

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('reports')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('report repository', () => {
  it("numbers a report sent at 00:30 on 1 January in Rome with the new year (the municipality's time zone)", async () => {
    const newYearInRome = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027, Europe/Rome
    const rome = createStorage(conn, { timeZone: 'Europe/Rome' }, { now: () => newYearInRome });
    const { report } = await rome.reports.createOnce(draft('simulator:new-year'));
    expect(report.ticketCode).toMatch(/^VIC-2027-\d{6}$/);
  });

  it('creates a report once per source message and numbers tickets in sequence', async () => {
    const a = await storage.reports.createOnce(draft('simulator:m1'));
    const again = await storage.reports.createOnce(draft('simulator:m1'));
    const b = await storage.reports.createOnce(draft('simulator:m2'));
    expect(a.created).toBe(true);
    expect(again).toMatchObject({ created: false, report: { id: a.report.id, ticketCode: a.report.ticketCode } });
    expect(a.report.ticketCode).toMatch(/^VIC-\d{4}-\d{6}$/);
    expect(Number(b.report.ticketCode.slice(-6))).toBe(Number(a.report.ticketCode.slice(-6)) + 1);
    expect(a.report).toMatchObject({ status: 'new', location: { point: { lat: 43.8414, lng: 10.5731 } } });
  });

  it('creates one report when the same message is confirmed concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => storage.reports.createOnce(draft('simulator:race'))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
  });

  it('lets exactly one of two agents take a report; the other learns who has it', async () => {
    const { report } = await storage.reports.createOnce(draft('simulator:take'));
    const take = (who: string) => storage.reports.applyTransition({ id: report.id, action: 'take', actor: who, set: { assignee: who } });
    const [x, y] = await Promise.all([take('anna'), take('bruno')]);
    const winner = [x, y].find((r) => r.ok);
    const loser = [x, y].find((r) => !r.ok);
    expect(winner && loser).toBeTruthy();
    if (!winner?.ok || !loser || loser.ok) throw new Error('unreachable');
    expect(loser.current?.assignee).toBe(winner.report.assignee);
    expect(winner.report.status).toBe('in_review');
    expect(winner.report.takenAt).toBeInstanceOf(Date);
  });

  it('lets one of eight agents take a report at once: one move, one audit entry, the stored report as it is after the move', async () => {
    const { report } = await storage.reports.createOnce(draft('simulator:take-eight'));
    const agents = Array.from({ length: 8 }, (_, i) => `agente${i}`);
    const results = await Promise.all(
      agents.map((who) =>
        storage.reports.applyTransition({
          id: report.id,
          action: 'take',
          actor: who,
          expectedVersion: report.version,
          set: { assignee: who },
        }),
      ),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    if (!won[0]?.ok) throw new Error('unreachable');
    const stored = await storage.reports.get(report.id);
    expect(won[0].report).toEqual(stored);
    expect(stored).toMatchObject({ status: 'in_review', version: report.version + 1, assignee: won[0].report.assignee });
    expect(await conn.collection('audit_events').countDocuments({ reportId: report.id, action: 'take' })).toBe(1);
    // Handing it back removes the assignee; the answer is the report after the move, not before.
    const back = await storage.reports.applyTransition({
      id: report.id,
      action: 'release',
      actor: won[0].report.assignee!,
      set: { assignee: undefined },
    });
    expect(back).toMatchObject({ ok: true, from: 'in_review', report: { status: 'new', version: report.version + 2 } });
    if (back.ok) expect(back.report.assignee).toBeUndefined();
  });

  it('refuses a move the status machine does not allow, and a stale version', async () => {
    const { report } = await storage.reports.createOnce(draft('simulator:moves'));
    expect(await storage.reports.applyTransition({ id: report.id, action: 'close', actor: 'anna' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
    expect(
      await storage.reports.applyTransition({ id: report.id, action: 'take', actor: 'anna', expectedVersion: report.version + 5 }),
    ).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect(await storage.reports.applyTransition({ id: 'not-an-id', action: 'take', actor: 'anna' })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
  });

  it('filters, sorts by priority then age, and counts by status', async () => {
    await storage.reports.createOnce(draft('simulator:p1', { priority: 9, categoryId: 'theft' }));
    await storage.reports.createOnce(draft('simulator:p2', { priority: 1, categoryId: 'theft' }));
    const page = await storage.reports.list({ categoryId: ['theft'] }, { limit: 10, offset: 0, sort: 'priority' });
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.priority)).toEqual([9, 1]);
    const counts = await storage.reports.countByStatus({});
    expect(counts.new).toBeGreaterThanOrEqual(2);
  });

  it('finds open reports of a category near a point', async () => {
    await storage.reports.createOnce(draft('simulator:near', { categoryId: 'street_lighting', point: { lat: 43.8415, lng: 10.5732 } }));
    await storage.reports.createOnce(draft('simulator:far', { categoryId: 'street_lighting', point: { lat: 43.87, lng: 10.55 } }));
    const near = await storage.reports.findOpenNear(
      { lat: 43.8414, lng: 10.5731 },
      'street_lighting',
      150,
      new Date(Date.now() - 3600_000),
    );
    expect(near).toHaveLength(1);
    expect(near[0]!.location.point.lat).toBeCloseTo(43.8415);
  });
});
