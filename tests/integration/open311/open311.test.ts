import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../../../src/domain/ports';
import { startTestApp, type TestApp } from '../../support/test-app';

let app: TestApp;
let appWithKey: TestApp;
const tickets: Record<string, string> = {};

const seed = (key: string, over: Partial<NewReport>): NewReport => ({
  categoryId: 'abandoned_waste',
  reliability: 'seen',
  point: { lat: 43.841437, lng: 10.573129 },
  address: 'Piazza Aldo Moro 1, Capannori',
  zone: 'capannori-centro',
  zipcode: '55012',
  description: 'Sacchi abbandonati vicino alla fermata',
  photoRefs: ['img_0123456789abcdef0123456789abcdef.jpg'],
  channel: 'telegram',
  citizenRef: 'cit_secret_ref',
  language: 'it',
  priority: 2,
  sourceMessageKey: `seed:${key}`,
  ...over,
});

beforeAll(async () => {
  app = await startTestApp();
  appWithKey = await startTestApp({ OPEN311_API_KEY: 'open311-test-key' });
  tickets.waste = (await app.storage.reports.createOnce(seed('waste', {}))).report.ticketCode;
  tickets.drugs = (await app.storage.reports.createOnce(seed('drugs', { categoryId: 'drug_dealing', description: 'Il ragazzo col giubbotto rosso spaccia' }))).report.ticketCode;
  const closed = (await app.storage.reports.createOnce(seed('closed', { categoryId: 'street_lighting' }))).report;
  await app.storage.reports.applyTransition({ id: closed.id, action: 'take', actor: 'anna' });
  await app.storage.reports.applyTransition({ id: closed.id, action: 'close', actor: 'anna', set: { outcome: { code: 'intervention_done' } } });
  tickets.closed = closed.ticketCode;
});
afterAll(async () => {
  await app?.stop();
  await appWithKey?.stop();
});

const get = async (base: string, p: string) => {
  const res = await fetch(`${base}/open311/v2${p}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('Open311 GeoReport v2 read API', () => {
  it('lists the categories as services', async () => {
    const { status, body } = await get(app.url, '/services.json');
    expect(status).toBe(200);
    expect(body.length).toBe(10);
    expect(body[0]).toMatchObject({ service_code: expect.any(String), service_name: expect.any(String), metadata: false, type: 'realtime' });
  });

  it('shows a public request with the spec fields and no identity or photo', async () => {
    const { status, body } = await get(app.url, `/requests/${tickets.waste}.json`);
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({
      service_request_id: tickets.waste,
      status: 'open',
      description: 'Sacchi abbandonati vicino alla fermata',
      address: 'Piazza Aldo Moro 1, Capannori',
      zipcode: '55012',
      lat: 43.841437,
      long: 10.573129,
    });
    expect(body[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const raw = JSON.stringify(body);
    expect(raw).not.toMatch(/media_url|img_|987654321|cit_secret_ref|telegram/);
  });

  it('hides the description and address of sensitive categories and rounds their location to ~100 m', async () => {
    const { body } = await get(app.url, `/requests/${tickets.drugs}.json`);
    expect(body[0].description).toBe('');
    expect(body[0].address).toBe('');
    expect(body[0].lat).toBe(43.841);
    expect(body[0].long).toBe(10.573);
    expect(JSON.stringify(body)).not.toContain('giubbotto');
  });

  it('filters by status and service_code', async () => {
    const open = await get(app.url, '/requests.json?status=open');
    expect(open.body.map((r: any) => r.service_request_id).sort()).toEqual([tickets.waste, tickets.drugs].sort());
    const closed = await get(app.url, '/requests.json?status=closed');
    expect(closed.body.map((r: any) => r.service_request_id)).toEqual([tickets.closed]);
    const services = (await get(app.url, '/services.json')).body;
    const lighting = services.find((s: any) => s.service_name.toLowerCase().includes('illuminazione')).service_code;
    const byCode = await get(app.url, `/requests.json?service_code=${lighting}`);
    expect(byCode.body.map((r: any) => r.service_request_id)).toEqual([tickets.closed]);
  });

  it('filters by date window', async () => {
    const future = await get(app.url, `/requests.json?start_date=${new Date(Date.now() + 86_400_000).toISOString()}`);
    expect(future.body).toEqual([]);
  });

  it('answers 400 with a reason for bad parameters, including operator injection', async () => {
    expect((await get(app.url, '/requests.json?status=maybe')).status).toBe(400);
    const injected = await get(app.url, '/requests.json?status[$ne]=open');
    expect(injected.status).toBe(400);
    expect(injected.body[0].description).toMatch(/status/);
    expect((await get(app.url, '/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await get(app.url, `/requests/${tickets.waste}.xml`)).status).toBe(400);
    expect((await get(app.url, '/requests/VIC-1999-999999.json')).status).toBe(404);
  });

  it('requires the API key when one is configured', async () => {
    expect((await get(appWithKey.url, '/services.json')).status).toBe(401);
    expect((await get(appWithKey.url, '/services.json?api_key=wrong')).status).toBe(401);
    expect((await get(appWithKey.url, '/services.json?api_key=open311-test-key')).status).toBe(200);
  });
});
