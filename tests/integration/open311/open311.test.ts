/**
 * Open311 GeoReport v2 read API, as each category's public policy allows (config/open311-policy.ts):
 * random public ids, no citizen's words, coarse locations, sensitive categories absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../../../src/domain/ports';
import { startTestApp, type TestApp } from '../../support/test-app';
import { loggedIn } from '../panel/panel-helpers';

let app: TestApp;
let appWithKey: TestApp;
const ids: Record<string, string> = {};

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
  // The citizen's time words are their words too: never published.
  const observedWhen = { text: 'stanotte verso le tre', kind: 'moment' as const, from: new Date('2026-11-17T21:00:00Z'), to: new Date('2026-11-18T05:00:00Z') };
  ids.waste = (await app.storage.reports.createOnce(seed('waste', { observedWhen }))).report.id;
  await app.storage.reports.createOnce(seed('drugs', { categoryId: 'drug_dealing', description: 'Il ragazzo col giubbotto rosso spaccia' }));
  const closed = (await app.storage.reports.createOnce(seed('closed', { categoryId: 'street_lighting' }))).report;
  await app.storage.reports.applyTransition({ id: closed.id, action: 'take', actor: 'anna' });
  await app.storage.reports.applyTransition({ id: closed.id, action: 'close', actor: 'anna', set: { outcome: { code: 'intervention_done' } } });
  ids.closed = closed.id;
});
afterAll(async () => {
  await app?.stop();
  await appWithKey?.stop();
});

const get = async (base: string, p: string) => {
  const res = await fetch(`${base}/open311/v2${p}`);
  return { status: res.status, body: (await res.json()) as any };
};
const ticketOf = async (id: string) => (await app.storage.reports.get(id))!.ticketCode;

describe('Open311 GeoReport v2 read API', () => {
  it('lists the published categories as services, never the sensitive ones', async () => {
    const { status, body } = await get(app.url, '/services.json');
    expect(status).toBe(200);
    expect(body.length).toBe(7);
    expect(body[0]).toMatchObject({ service_code: expect.any(String), service_name: expect.any(String), metadata: false });
    expect(JSON.stringify(body)).not.toMatch(/Spaccio|sospett|Furt/i);
  });

  it('shows a public request under a random id, with the zone instead of the address and no citizen words', async () => {
    const list = await get(app.url, '/requests.json?status=open');
    expect(list.body).toHaveLength(1);
    const id = list.body[0].service_request_id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const { status, body } = await get(app.url, `/requests/${id}.json`);
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      description: '',
      address: 'Capannori centro',
      lat: 43.841,
      long: 10.573,
    });
    expect(body[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const raw = JSON.stringify(body);
    expect(raw).not.toMatch(/media_url|img_|cit_secret_ref|telegram|Sacchi|Piazza Aldo Moro|55012|VIC-\d{4}|stanotte|2026-11-17T21/);
    expect(raw).not.toContain(await ticketOf(ids.waste));
  });

  it('publishes the description copy an agent approved, and withdraws it', async () => {
    const agent = await loggedIn(app, 'anna.open311', 'agent');
    const approved = await agent.request('PUT', `/api/reports/${ids.waste}/public-description`, { body: { text: 'Rifiuti ingombranti vicino alla fermata.' } });
    expect(approved.status).toBe(200);
    const shown = await get(app.url, `/requests/${approved.body.publicId}.json`);
    expect(shown.body[0].description).toBe('Rifiuti ingombranti vicino alla fermata.');
    const audit = await app.storage.audit.listForReport(ids.waste);
    expect(audit.map((a) => a.action)).toContain('report.public_description.approve');
    await agent.request('PUT', `/api/reports/${ids.waste}/public-description`, { body: { text: '' } });
    expect((await get(app.url, `/requests/${approved.body.publicId}.json`)).body[0].description).toBe('');
  });

  it('filters by status and service_code', async () => {
    const closed = await get(app.url, '/requests.json?status=closed');
    expect(closed.body).toHaveLength(1);
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: 'Chiusa' });
    const services = (await get(app.url, '/services.json')).body;
    const lighting = services.find((s: any) => s.service_name.toLowerCase().includes('illuminazione')).service_code;
    const byCode = await get(app.url, `/requests.json?service_code=${lighting}`);
    expect(byCode.body.map((r: any) => r.service_request_id)).toEqual([closed.body[0].service_request_id]);
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
    expect((await get(app.url, `/requests/abc.xml`)).status).toBe(400);
    expect((await get(app.url, '/requests/VIC-1999-999999.json')).status).toBe(404);
  });

  it('requires the API key when one is configured', async () => {
    expect((await get(appWithKey.url, '/services.json')).status).toBe(401);
    expect((await get(appWithKey.url, '/services.json?api_key=wrong')).status).toBe(401);
    expect((await get(appWithKey.url, '/services.json?api_key=open311-test-key')).status).toBe(200);
  });
});
