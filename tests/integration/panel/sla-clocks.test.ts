/**
 * SLA clocks: the queue shows each report's first-action countdown in service time, a breach once
 * the target passed, and the indicators count the share of first actions within target.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { loggedIn, seedReport, type PanelClient } from './panel-helpers';

let app: TestApp;
let mario: PanelClient;

beforeAll(async () => {
  app = await startTestApp();
  mario = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
});
afterAll(async () => {
  await app?.stop();
});

describe('first-action targets', () => {
  it('count down in the queue, show a breach, and feed the share within target', async () => {
    // Arrived two days ago at 10:00 in Capannori (open 08:00-19:00 every day): hours of service time ago.
    const late = await seedReport(app, { priority: 85 });
    const twoDaysAgo = DateTime.now()
      .setZone('Europe/Rome')
      .minus({ days: 2 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
    await app.mongo
      .collection('reports')
      .updateOne({ _id: new (await import('mongodb')).ObjectId(late.id) }, { $set: { createdAt: twoDaysAgo } });
    const fresh = await seedReport(app, { priority: 10 });

    const queue = await mario.get('/api/reports');
    const row = (id: string) => queue.body.items.find((i: { id: string }) => i.id === id);
    expect(row(late.id).sla).toMatchObject({ targetMinutes: 30, breached: true, stopped: false });
    expect(row(late.id).sla.remainingMs).toBeLessThan(-9 * 3_600_000);
    expect(row(fresh.id).sla).toMatchObject({ targetMinutes: 480, breached: false, stopped: false });
    expect(row(fresh.id).sla.remainingMs).toBeGreaterThan(0);

    for (const r of [late, fresh]) {
      const current = (await app.storage.reports.get(r.id))!;
      expect((await mario.post(`/api/reports/${r.id}/actions`, { action: 'take', version: current.version })).status).toBe(200);
    }
    const after = await mario.get(`/api/reports/${late.id}`);
    expect(after.body.report.sla).toMatchObject({ breached: true, stopped: true });

    const rows = await app.storage.stats.indicators({
      from: DateTime.now().minus({ days: 5 }).toJSDate(),
      to: DateTime.now().plus({ days: 1 }).toJSDate(),
      period: 'month',
      groupBy: 'none',
    });
    const total = rows.reduce((acc, r) => ({ met: acc.met + r.sla.met, breached: acc.breached + r.sla.breached }), { met: 0, breached: 0 });
    expect(total).toEqual({ met: 1, breached: 1 });
  });
});
