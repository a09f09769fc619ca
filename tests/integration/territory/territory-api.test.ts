/**
 * The supervisor's territory API against the real service: hot zones with the trend against the
 * previous window, the heat layer, indicators per period and dimension, zone outlines; who may
 * call them and what a bad query gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyTransitionInput, ReportView } from '../../../src/domain/ports';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PASSWORD, PanelClient, addOperator, loggedIn, seedReport } from '../panel/panel-helpers';

const DAY = 86_400_000;
/** Points inside the zones (see config/municipalities/capannori/zones.geojson). */
const MARLIA = { lat: 43.9035, lng: 10.5512 };
const LAMMARI = { lat: 43.8672, lng: 10.553 };
const CENTRO = { lat: 43.8435, lng: 10.58 };

let app: TestApp;
let supervisor: PanelClient;
let admin: PanelClient;
let agent: PanelClient;
let lammariTheft: ReportView;

beforeAll(async () => {
  app = await startTestApp();
  [supervisor, admin, agent] = await Promise.all([
    loggedIn(app, 'sara.supervisore', 'supervisor', 'Sara Conti'),
    loggedIn(app, 'admin.comando', 'admin'),
    loggedIn(app, 'mario.agente', 'agent'),
  ]);
  // This week: 3 vandalism reports in Marlia (severity 3: weighted 9), 2 thefts in Lammari
  // (severity 4: 8), 1 abandoned waste in the centre (2).
  for (let i = 0; i < 3; i++) await seedReport(app, { categoryId: 'vandalism', zone: 'marlia', point: { lat: MARLIA.lat + i * 0.001, lng: MARLIA.lng } });
  lammariTheft = await seedReport(app, { categoryId: 'theft', zone: 'lammari', point: LAMMARI });
  await seedReport(app, { categoryId: 'theft', zone: 'lammari', point: LAMMARI, channel: 'telegram' });
  await seedReport(app, { categoryId: 'abandoned_waste', zone: 'capannori-centro', point: CENTRO });
  // The week before: one theft in Lammari, counted as it was then (the counters, not a report).
  await app.storage.stats.recordCreated({ ...lammariTheft, createdAt: new Date(Date.now() - 9 * DAY) });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/territory/hotzones', () => {
  it('ranks the zones by weighted count, with names and the trend against the previous 7 days', async () => {
    const res = await supervisor.get('/api/territory/hotzones');
    expect(res.status).toBe(200);
    const { window, previousWindow, zones, totals } = res.body;
    expect(window.days).toBe(7);
    expect(new Date(window.to).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(window.to).getTime() - new Date(window.from).getTime()).toBeGreaterThanOrEqual(7 * DAY - 3_600_000);
    expect(previousWindow.to).toBe(window.from);
    expect(zones.slice(0, 3)).toEqual([
      { zone: 'marlia', zoneName: 'Marlia', received: 3, weighted: 9, previousReceived: 0, previousWeighted: 0, trend: null },
      { zone: 'lammari', zoneName: 'Lammari', received: 2, weighted: 8, previousReceived: 1, previousWeighted: 4, trend: 1 },
      { zone: 'capannori-centro', zoneName: 'Capannori centro', received: 1, weighted: 2, previousReceived: 0, previousWeighted: 0, trend: null },
    ]);
    expect(totals).toEqual({ received: 6, weighted: 19, previousReceived: 1, previousWeighted: 4 });
  });

  it('draws the heat layer from the same window: every report in a cell near where it was made', async () => {
    const { heat } = (await supervisor.get('/api/territory/hotzones')).body as { heat: Array<{ lat: number; lng: number; n: number }> };
    expect(heat.reduce((a, c) => a + c.n, 0)).toBe(6);
    const near = (p: { lat: number; lng: number }) => heat.filter((c) => Math.abs(c.lat - p.lat) < 0.005 && Math.abs(c.lng - p.lng) < 0.005);
    expect(near(LAMMARI).reduce((a, c) => a + c.n, 0)).toBe(2);
    expect(near(CENTRO).reduce((a, c) => a + c.n, 0)).toBe(1);
  });

  it('filters by one or more categories, the heat layer too', async () => {
    const theft = await supervisor.get('/api/territory/hotzones?category=theft');
    expect(theft.body.zones.map((z: { zone: string }) => z.zone)).toEqual(['lammari']);
    expect(theft.body.categories).toEqual(['theft']);
    const two = await supervisor.get('/api/territory/hotzones?category=theft,vandalism');
    expect(two.body.zones.map((z: { zone: string }) => z.zone)).toEqual(['marlia', 'lammari']);
    expect(two.body.heat.reduce((a: number, c: { n: number }) => a + c.n, 0)).toBe(5);
  });

  it('takes a custom window of whole local days and compares it with the window just before', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const res = await supervisor.get(`/api/territory/hotzones?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.window.days).toBe(1);
    expect(res.body.zones[0]).toMatchObject({ zone: 'marlia', received: 3 });
    // Thirty days: the theft of 9 days ago is now inside the window.
    const month = await supervisor.get('/api/territory/hotzones?from=' + new Date(Date.now() - 29 * DAY).toISOString());
    expect(month.body.window.days).toBe(30);
    expect(month.body.zones.find((z: { zone: string }) => z.zone === 'lammari')).toMatchObject({ received: 3, weighted: 12, previousReceived: 0, trend: null });
  });

  it('answers in English for an English-speaking operator', async () => {
    await addOperator(app, 'english.sup', 'supervisor');
    await app.mongo.collection('operators').updateOne({ username: 'english.sup' }, { $set: { language: 'en' } });
    const en = new PanelClient(app.url);
    expect((await en.login('english.sup', PASSWORD)).status).toBe(200);
    const zones = await en.get('/api/territory/hotzones?category=theft');
    expect(zones.body.zones[0].zoneName).toBe('Lammari');
    const indicators = await en.get('/api/territory/indicators?groupBy=category&category=theft');
    expect(indicators.body.rows[0].label).toBe('Theft or attempted theft/burglary');
    const bad = await en.get('/api/territory/hotzones?from=nope');
    expect(bad.body.error).toMatch(/^Invalid request: .*from must be an ISO date/);
  });
});

describe('GET /api/territory/indicators', () => {
  it('counts reports, confirmations and outcomes, and times to take in charge / dispatch / close', async () => {
    const r = await seedReport(app, { categoryId: 'noise', zone: 'lunata', point: { lat: 43.8438, lng: 10.5526 } });
    const moves: Array<[ApplyTransitionInput['action'], ApplyTransitionInput['set']]> = [
      ['take', { assignee: 'mario.agente' }],
      ['dispatch', { dispatch: { unit: 'Pattuglia 2' } }],
      ['close', { outcome: { code: 'intervention_done' } }],
    ];
    for (const [action, set] of moves) {
      const moved = await app.storage.reports.applyTransition({ id: r.id, action, actor: 'mario.agente', set });
      expect(moved.ok).toBe(true);
    }
    await app.storage.confirmations.addConfirmation(lammariTheft.id, {
      messageId: 'confirm-1',
      at: new Date(),
      citizenRef: 'another-citizen',
      channel: 'telegram',
      language: 'it',
      reliability: 'seen',
      description: 'Li ho visti anche io',
      photoRefs: [],
    });

    const all = await supervisor.get('/api/territory/indicators?period=month&groupBy=none');
    expect(all.status).toBe(200);
    expect(all.body.period).toBe('month');
    // The 7 reports of this week and the theft counted 9 days ago.
    const total = all.body.rows.reduce((a: number, row: { received: number }) => a + row.received, 0);
    expect(total).toBe(8);
    const thisMonth = all.body.rows.at(-1);
    expect(thisMonth).toMatchObject({ key: 'all', label: 'Tutte le segnalazioni', confirmations: 1, outcomes: { intervention_done: 1 } });
    for (const measure of ['take', 'dispatch', 'close'] as const) {
      expect(thisMonth[measure].wall.count).toBe(1);
      expect(thisMonth[measure].service.count).toBe(1);
      expect(thisMonth[measure].wall.medianMs).toBeGreaterThan(0);
      expect(thisMonth[measure].wall.p90Ms).toBeGreaterThanOrEqual(thisMonth[measure].wall.medianMs);
    }

    const byCategory = await supervisor.get('/api/territory/indicators?period=day&groupBy=category&category=noise,theft');
    const labels = Object.fromEntries(byCategory.body.rows.map((row: { key: string; label: string }) => [row.key, row.label]));
    expect(labels).toEqual({ noise: 'Rumori e disturbo', theft: 'Furto o tentato furto/scasso' });
    const noise = byCategory.body.rows.find((row: { key: string }) => row.key === 'noise');
    expect(noise).toMatchObject({ received: 1, outcomes: { intervention_done: 1 } });

    const byZone = await supervisor.get('/api/territory/indicators?groupBy=zone&zone=lammari,lunata');
    expect(byZone.body.period).toBe('week');
    expect(new Set(byZone.body.rows.map((row: { label: string }) => row.label))).toEqual(new Set(['Lammari', 'Lunata']));
    expect(byZone.body.rows.filter((row: { key: string }) => row.key === 'lammari').reduce((a: number, row: { confirmations: number }) => a + row.confirmations, 0)).toBe(1);

    const byChannel = await supervisor.get('/api/territory/indicators?period=week&groupBy=channel');
    const channels = byChannel.body.rows.map((row: { key: string; label: string }) => `${row.key}=${row.label}`);
    expect(new Set(channels)).toEqual(new Set(['simulator=Simulatore', 'telegram=Telegram']));
  });
});

describe('GET /api/territory/outlines', () => {
  it('gives the boundary and the zones as GeoJSON, with a point inside each zone for its total', async () => {
    const res = await admin.get('/api/territory/outlines');
    expect(res.status).toBe(200);
    expect(res.body.boundary.geometry.type).toMatch(/Polygon/);
    expect(res.body.zones.type).toBe('FeatureCollection');
    expect(res.body.zones.features).toHaveLength(13);
    const marlia = res.body.zones.features.find((f: { properties: { id: string } }) => f.properties.id === 'marlia');
    expect(marlia.properties.name).toBe('Marlia');
    expect(marlia.properties.label.lat).toBeCloseTo(43.9035, 2);
  });
});

describe('who may ask, and what a bad query gets', () => {
  const paths = ['/api/territory/hotzones', '/api/territory/indicators', '/api/territory/outlines'];

  it('refuses agents (403) and callers without a session (401)', async () => {
    for (const path of paths) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.error).toMatch(/ruolo/);
      expect((await new PanelClient(app.url).get(path)).status, path).toBe(401);
    }
  });

  it.each([
    ['/api/territory/hotzones?from=yesterday', /from must be an ISO date/],
    ['/api/territory/hotzones?category=unicorns', /category: unknown value/],
    ['/api/territory/hotzones?category=theft&category=noise', /category must be a plain comma-separated list/],
    ['/api/territory/hotzones?category[$ne]=theft', /unknown field|plain/],
    ['/api/territory/hotzones?zone=marlia', /unknown field "zone"/],
    ['/api/territory/hotzones?from=2026-05-10&to=2026-05-01', /from must be before to/],
    ['/api/territory/hotzones?from=2024-01-01&to=2026-01-01', /at most 366 days/],
    ['/api/territory/indicators?period=year', /period must be one of day, week, month/],
    ['/api/territory/indicators?groupBy=citizen', /groupBy must be one of/],
    ['/api/territory/indicators?zone=atlantis', /zone: unknown value/],
    ['/api/territory/indicators?period=day&from=2024-01-01&to=2026-01-01', /at most 366 days/],
  ])('%s -> 400 with the reason', async (path, reason) => {
    const res = await supervisor.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^Richiesta non valida: /);
    expect(res.body.error).toMatch(reason);
  });
});
