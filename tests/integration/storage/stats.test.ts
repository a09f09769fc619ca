/** The territory counters on the real MongoDB-wire server: hot zones with trend, heat, indicators. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport, ReportView } from '../../../src/domain/ports';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;
const DAY = 86_400_000;
const now = new Date('2026-11-20T10:00:00Z');

const view = (over: Partial<ReportView> & { createdAt: Date }): ReportView =>
  ({
    id: 'x',
    ticketCode: 'VIC-2026-000001',
    status: 'new',
    categoryId: 'theft',
    reliability: 'seen',
    location: { point: { lat: 43.8414, lng: 10.5731 }, zone: 'capannori-centro' },
    description: '',
    photoRefs: [],
    channel: 'telegram',
    chatId: '1',
    citizenRef: 'c',
    priority: 1,
    language: 'it',
    updatedAt: over.createdAt,
    version: 0,
    confirmations: 0,
    citizenInfo: [],
    ...over,
  }) as ReportView;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('stats')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
  // Last 7 days: 3 thefts (severity 4) in Lammari, 1 waste in the centre. The 7 days before: 1 theft in Lammari.
  const lammari = { point: { lat: 43.868, lng: 10.555 }, zone: 'lammari' };
  for (const d of [1, 2, 3]) await storage.stats.recordCreated(view({ createdAt: new Date(now.getTime() - d * DAY), location: lammari }));
  await storage.stats.recordCreated(view({ createdAt: new Date(now.getTime() - 2 * DAY), categoryId: 'abandoned_waste', channel: 'whatsapp' }));
  await storage.stats.recordCreated(view({ createdAt: new Date(now.getTime() - 10 * DAY), location: lammari }));
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('territory counters', () => {
  it('ranks hot zones by weighted count with the trend against the previous window', async () => {
    const zones = await storage.stats.hotZones({ from: new Date(now.getTime() - 7 * DAY), to: now });
    expect(zones[0]).toMatchObject({ zone: 'lammari', received: 3, weighted: 12, previousReceived: 1, previousWeighted: 4, trend: 2 });
    expect(zones.find((z) => z.zone === 'capannori-centro')).toMatchObject({ received: 1, previousReceived: 0, trend: null });
    const wasteOnly = await storage.stats.hotZones({ from: new Date(now.getTime() - 7 * DAY), to: now, categoryId: ['abandoned_waste'] });
    expect(wasteOnly.map((z) => z.zone)).toEqual(['capannori-centro']);
  });

  it('sums the heat layer per cell, optionally for one category', async () => {
    const all = await storage.stats.heat({ from: new Date(now.getTime() - 7 * DAY), to: now });
    expect(all.reduce((a, p) => a + p.n, 0)).toBe(4);
    const theft = await storage.stats.heat({ from: new Date(now.getTime() - 7 * DAY), to: now, categoryId: 'theft' });
    expect(theft).toHaveLength(1);
    expect(theft[0]!.n).toBe(3);
  });

  it('reports indicators by period and dimension with response times in wall and service time', async () => {
    const created = new Date('2026-11-16T08:00:00Z'); // Monday 09:00 in Rome
    const r = view({ createdAt: created, categoryId: 'noise', outcome: { code: 'intervention_done' } });
    await storage.stats.recordCreated(r);
    await storage.stats.recordTransition(r, 'take', new Date(created.getTime() + 30 * 60_000));
    await storage.stats.recordTransition(r, 'close', new Date('2026-11-17T08:00:00Z')); // next day 09:00: 24 h wall, 11 h service
    const rows = await storage.stats.indicators({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), period: 'month', groupBy: 'category', categoryId: ['noise'] });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ period: '2026-11-01', key: 'noise', received: 1, outcomes: { intervention_done: 1 } });
    expect(row.take.wall.medianMs! / 60_000).toBeGreaterThan(25);
    expect(row.take.wall.medianMs! / 60_000).toBeLessThan(35);
    expect(row.close.wall.medianMs! / 3_600_000).toBeGreaterThan(21);
    expect(row.close.service.medianMs! / 3_600_000).toBeGreaterThan(9.5);
    expect(row.close.service.medianMs! / 3_600_000).toBeLessThan(12.5);
    const byChannel = await storage.stats.indicators({ from: new Date(now.getTime() - 7 * DAY), to: now, period: 'week', groupBy: 'channel' });
    expect(byChannel.find((x) => x.key === 'whatsapp')?.received).toBe(1);
  });

  it('counts a report once even when its creation is retried', async () => {
    const input: NewReport = {
      categoryId: 'vandalism', reliability: 'seen', point: { lat: 43.88, lng: 10.59 }, zone: 'segromigno-in-monte', description: '', photoRefs: [],
      channel: 'simulator', citizenRef: 'c', language: 'it', priority: 1, sourceMessageKey: 'sim:retry',
    };
    await storage.reports.createOnce(input);
    await storage.reports.createOnce(input);
    const zones = await storage.stats.hotZones({ from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY), categoryId: ['vandalism'] });
    expect(zones).toEqual([expect.objectContaining({ zone: 'segromigno-in-monte', received: 1 })]);
  });
});
