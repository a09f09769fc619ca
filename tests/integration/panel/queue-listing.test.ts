/**
 * The queue read one status at a time and merged (report.repository listItems) gives exactly the
 * rows and order of one sorted query, on every page; counts per status match.
 */
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFilter } from '../../../src/domain/ports';
import { REPORT_STATUSES } from '../../../src/domain/report';
import { openCounts, openQueue, pageOf, readOpenQueue } from '../../../src/panel/open-queue';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('queue')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
  const base = Date.parse('2026-11-01T08:00:00Z');
  await conn.collection('reports').insertMany(
    Array.from({ length: 120 }, (_, i) => ({
      _id: new Types.ObjectId(),
      ticketCode: `VIC-2026-${String(i + 1).padStart(6, '0')}`,
      status: REPORT_STATUSES[i % REPORT_STATUSES.length],
      categoryId: ['noise', 'theft', 'vandalism'][i % 3],
      reliability: 'seen',
      location: { type: 'Point', coordinates: [10.57, 43.84] },
      zone: ['centro', 'marlia'][i % 2],
      description: `report ${i}`,
      photoRefs: [],
      channel: ['telegram', 'simulator'][i % 2],
      chatId: `c${i}`,
      citizenRef: `cit_${i}`,
      language: 'it',
      // Few priorities: many ties, broken by age.
      priority: (i * 13) % 4,
      sourceMessageKey: `k${i}`,
      confirmations: 0,
      citizenInfo: [],
      version: 0,
      createdAt: new Date(base + ((i * 37) % 120) * 60_000),
      updatedAt: new Date(base),
    })),
  );
});
afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

const reference = async (filter: ReportFilter, sort: 'priority' | 'newest', offset: number, limit: number) => {
  const q: Record<string, unknown> = { status: { $in: filter.status } };
  if (filter.categoryId) q.categoryId = { $in: filter.categoryId };
  if (filter.zone) q.zone = { $in: filter.zone };
  if (filter.channel) q.channel = { $in: filter.channel };
  if (filter.from || filter.to) q.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const docs = await conn
    .collection('reports')
    .find(q)
    .sort(sort === 'priority' ? { priority: -1, createdAt: 1 } : { createdAt: -1 })
    .skip(offset)
    .limit(limit)
    .toArray();
  return docs.map((d) => String(d._id));
};

describe('listItems', () => {
  it.each([
    [{ status: ['new', 'in_review', 'needs_info', 'dispatched'] }, 'priority'],
    [{ status: ['new', 'in_review', 'needs_info', 'dispatched'] }, 'newest'],
    [{ status: ['closed', 'rejected', 'duplicate'], categoryId: ['noise', 'theft'] }, 'priority'],
    [{ status: [...REPORT_STATUSES] }, 'priority'],
    // Two or more criteria on open statuses: read through one criterion's index, the rest checked in code.
    [{ status: ['new', 'in_review', 'needs_info', 'dispatched'], categoryId: ['noise', 'vandalism'], zone: ['centro'] }, 'priority'],
    [
      {
        status: ['new', 'dispatched', 'closed'],
        channel: ['telegram'],
        from: new Date('2026-11-01T08:30:00Z'),
        to: new Date('2026-11-01T09:30:00Z'),
      },
      'newest',
    ],
    [{ status: ['needs_info'], zone: ['marlia'], from: new Date('2026-11-01T08:20:00Z') }, 'priority'],
  ] as Array<[ReportFilter, 'priority' | 'newest']>)('pages %o by %s exactly like one sorted query', async (filter, sort) => {
    for (const [offset, limit] of [
      [0, 10],
      [10, 10],
      [5, 50],
      [60, 50],
    ]) {
      const items = await storage.reports.listItems(filter, { sort, offset, limit });
      expect(items.map((r) => r.id)).toEqual(await reference(filter, sort, offset, limit));
    }
  });

  it('counts per status with several criteria like a grouped query', async () => {
    const filter: ReportFilter = { categoryId: ['noise', 'theft'], zone: ['centro'], from: new Date('2026-11-01T08:40:00Z') };
    const counts = await storage.reports.countByStatus(filter);
    const rows = await conn
      .collection('reports')
      .aggregate<{ _id: string; n: number }>([
        { $match: { categoryId: { $in: ['noise', 'theft'] }, zone: 'centro', createdAt: { $gte: filter.from } } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ])
      .toArray();
    expect(counts).toEqual(Object.fromEntries(rows.map((r) => [r._id, r.n])));
    expect(Object.keys(counts).length).toBeGreaterThan(1);
  });

  it('counts per status like a grouped query', async () => {
    const counts = await storage.reports.countByStatus({ categoryId: ['vandalism'] });
    const rows = await conn
      .collection('reports')
      .aggregate<{ _id: string; n: number }>([{ $match: { categoryId: 'vandalism' } }, { $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    expect(counts).toEqual(Object.fromEntries(rows.map((r) => [r._id, r.n])));
    const page = await storage.reports.list(
      { status: ['new', 'closed'], categoryId: ['vandalism'] },
      { sort: 'priority', offset: 0, limit: 5 },
    );
    expect(page.total).toBe((counts.new ?? 0) + (counts.closed ?? 0));
  });
});

describe('the open queue in memory (open-queue.ts)', () => {
  const OPEN = ['new', 'in_review', 'needs_info', 'dispatched'] as ReportFilter['status'];
  beforeAll(async () => {
    // Some reports held by an agent or a team, for "mine", "unassigned" and "my team".
    const ids = (
      await conn
        .collection('reports')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    ).map((d) => d._id);
    await conn.collection('reports').updateMany({ _id: { $in: ids.filter((_, i) => i % 3 === 0) } }, { $set: { assignee: 'mario.rossi' } });
    await conn.collection('reports').updateMany({ _id: { $in: ids.filter((_, i) => i % 4 === 0) } }, { $set: { team: 'pattuglie' } });
  });

  it.each([
    [{ status: OPEN }, 'priority'],
    [{ status: OPEN }, 'newest'],
    [{ status: ['new'] }, 'priority'],
    [{ status: OPEN, assignee: 'mario.rossi' }, 'priority'],
    [{ status: OPEN, assignee: null }, 'newest'],
    [{ status: OPEN, team: 'pattuglie' }, 'priority'],
    [{ status: OPEN, categoryId: ['noise', 'vandalism'], zone: ['centro'] }, 'priority'],
    [
      {
        status: ['new', 'dispatched'],
        channel: ['telegram'],
        from: new Date('2026-11-01T08:30:00Z'),
        to: new Date('2026-11-01T09:30:00Z'),
      },
      'newest',
    ],
  ] as Array<[ReportFilter, 'priority' | 'newest']>)(
    'answers %o by %s with the rows, order and counts of the database',
    async (filter, sort) => {
      const queue = await readOpenQueue(storage.reports);
      expect(queue).not.toBeNull();
      for (const [offset, limit] of [
        [0, 10],
        [10, 10],
        [0, 50],
      ]) {
        const fromMemory = pageOf(queue!, filter, { sort, offset, limit }).map((r) => r.id);
        expect(fromMemory).toEqual((await storage.reports.listItems(filter, { sort, offset, limit })).map((r) => r.id));
      }
      const { status: _all, ...criteria } = filter;
      const db = await storage.reports.countByStatus({ ...criteria, status: OPEN });
      expect(openCounts(queue!, filter)).toEqual(db);
      expect(Object.values(db).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    },
  );
});

describe('the archive newest first, read through widening windows of days', () => {
  it('pages finished reports spread over years exactly like one sorted query', async () => {
    const now = Date.now();
    await conn.collection('reports').insertMany(
      Array.from({ length: 70 }, (_, i) => ({
        _id: new Types.ObjectId(),
        ticketCode: `VIC-2025-${String(i + 1).padStart(6, '0')}`,
        status: ['closed', 'rejected'][i % 2],
        categoryId: 'noise',
        reliability: 'seen',
        location: { type: 'Point', coordinates: [10.57, 43.84] },
        zone: 'centro',
        description: `old report ${i}`,
        photoRefs: [],
        channel: 'telegram',
        citizenRef: `cit_old_${i}`,
        language: 'it',
        priority: 1,
        sourceMessageKey: `old${i}`,
        confirmations: 0,
        citizenInfo: [],
        version: 2,
        // From today back to about three years ago, a few in every window (7, 28, 112, 448 days).
        createdAt: new Date(now - ((i * i * 2.3) % 1100) * 86_400_000 - i * 1000),
        updatedAt: new Date(now),
      })),
    );
    for (const filter of [
      { status: ['closed'] },
      { status: ['closed', 'rejected', 'duplicate'] },
      { status: ['rejected'], from: new Date(now - 400 * 86_400_000) },
      { status: ['closed'], from: new Date(now - 3 * 86_400_000), to: new Date(now) },
    ] as ReportFilter[]) {
      for (const [offset, limit] of [
        [0, 5],
        [0, 20],
        [20, 20],
        [30, 50],
      ]) {
        const items = await storage.reports.listItems(filter, { sort: 'newest', offset, limit });
        expect(items.map((r) => r.id)).toEqual(await reference(filter, 'newest', offset, limit));
      }
    }
  });
});

describe('the open queue follows changes', () => {
  it('shows a change at the next answer once it is heard, and drops a report that leaves the open statuses', async () => {
    const queue = openQueue(storage.reports);
    const before = await queue.current();
    const target = before!.find((r) => r.status === 'new' && !r.assignee)!;
    const taken = await storage.reports.applyTransition({
      id: target.id,
      action: 'take',
      actor: 'luca.verdi',
      set: { assignee: 'luca.verdi' },
    });
    expect(taken.ok).toBe(true);
    queue.changed(target.id);
    expect((await queue.current())!.find((r) => r.id === target.id)).toMatchObject({ status: 'in_review', assignee: 'luca.verdi' });
    if (!taken.ok) return;
    const closed = await storage.reports.applyTransition({
      id: target.id,
      action: 'close',
      actor: 'luca.verdi',
      set: { outcome: { code: 'intervention_done' } },
    });
    expect(closed.ok).toBe(true);
    queue.changed(target.id);
    expect((await queue.current())!.some((r) => r.id === target.id)).toBe(false);
    expect(
      pageOf((await queue.current())!, { status: ['in_review'], assignee: 'luca.verdi' }, { sort: 'priority', offset: 0, limit: 10 }),
    ).toEqual([]);
  });
});
