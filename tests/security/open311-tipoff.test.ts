/**
 * Attack: the public Open311 API as a tip-off and a map of the reported. A dealer polls
 * requests.json for drug-dealing reports near him, walks /requests/VIC-YYYY-000001.json… past the
 * listing's cap, reads "Pattuglia inviata", and reads citizens' descriptions and house numbers.
 * On the old code every assertion below failed: sensitive reports were listed in real time with
 * ~100 m locations and status notes, ticket codes answered 200, descriptions and addresses were the
 * citizens' own, and the 61st request in a minute was served like the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../../src/domain/ports';
import { startTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const tickets: string[] = [];

const report = (key: string, over: Partial<NewReport>): NewReport => ({
  categoryId: 'abandoned_waste',
  reliability: 'seen',
  point: { lat: 43.841437, lng: 10.573129 },
  address: 'Via della Chiesa 12, Capannori',
  zone: 'capannori-centro',
  description: 'Il signor Rossi del civico 12 butta i sacchi qui ogni notte',
  photoRefs: [],
  channel: 'whatsapp',
  citizenRef: 'cit_ref_secret',
  language: 'it',
  priority: 2,
  sourceMessageKey: `sec-open311:${key}`,
  ...over,
});

beforeAll(async () => {
  app = await startTestApp();
  const { reports } = app.storage;
  const drugs = (await reports.createOnce(report('drugs', { categoryId: 'drug_dealing', description: 'Spacciano sotto il portico' })))
    .report;
  await reports.applyTransition({ id: drugs.id, action: 'take', actor: 'anna' });
  await reports.applyTransition({ id: drugs.id, action: 'dispatch', actor: 'anna', set: { dispatch: { unit: 'Pattuglia 3' } } });
  const theft = (await reports.createOnce(report('theft', { categoryId: 'theft' }))).report;
  await reports.applyTransition({ id: theft.id, action: 'take', actor: 'anna' });
  await reports.applyTransition({ id: theft.id, action: 'close', actor: 'anna', set: { outcome: { code: 'intervention_done' } } });
  const waste = (await reports.createOnce(report('waste', {}))).report;
  await reports.applyTransition({ id: waste.id, action: 'take', actor: 'anna' });
  await reports.applyTransition({ id: waste.id, action: 'dispatch', actor: 'anna', set: { dispatch: { unit: 'Pattuglia 3' } } });
  // Noise names neighbours: published only a week after closing.
  const noise = (await reports.createOnce(report('noise', { categoryId: 'noise', description: 'Musica alta dal civico 12' }))).report;
  await reports.applyTransition({ id: noise.id, action: 'take', actor: 'anna' });
  await reports.applyTransition({ id: noise.id, action: 'close', actor: 'anna', set: { outcome: { code: 'intervention_done' } } });
  tickets.push(drugs.ticketCode, theft.ticketCode, waste.ticketCode, noise.ticketCode);
});
afterAll(async () => {
  await app?.stop();
});

const get = async (p: string) => {
  const res = await fetch(`${app.url}/open311/v2${p}`);
  return { status: res.status, body: (await res.json()) as any, text: '' };
};

describe('Open311 publishes nothing that tips off or exposes a person', () => {
  it('lists no sensitive report, open or closed, and no report whose publication is delayed', async () => {
    const all = await get('/requests.json');
    expect(all.status).toBe(200);
    expect(all.body.map((r: any) => r.service_code)).toEqual(['VIC-WASTE']);
    for (const status of ['open', 'closed']) {
      const listed = await get(`/requests.json?status=${status}`);
      expect(JSON.stringify(listed.body)).not.toMatch(/VIC-DRUGS|VIC-THEFT|VIC-SUSPICIOUS|VIC-NOISE|Spaccio|Furto/);
    }
    const services = await get('/services.json');
    expect(services.body.map((s: any) => s.service_code)).not.toContain('VIC-DRUGS');
  });

  it("never says a patrol was sent, never shows the citizen's words or a house number", async () => {
    const [waste] = (await get('/requests.json')).body;
    const raw = JSON.stringify(waste);
    expect(raw).not.toMatch(/Pattuglia|pattuglia|Rossi|civico|Via della Chiesa|12,|cit_ref_secret|whatsapp/);
    expect(waste.description).toBe('');
    expect(waste.address).toBe('Capannori centro');
  });

  it('cannot be walked by ticket code: every sequential id answers 404 like an unknown one', async () => {
    const year = tickets[0]!.slice(4, 8);
    for (let n = 1; n <= 6; n++) {
      const res = await get(`/requests/VIC-${year}-${String(n).padStart(6, '0')}.json`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toMatch(/VIC-/);
    }
    for (const ticket of tickets) expect((await get(`/requests/${ticket}.json`)).status).toBe(404);
    // The public id is random: 128 bits, nothing to count up from.
    const [waste] = (await get('/requests.json')).body;
    expect(waste.service_request_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tickets).not.toContain(waste.service_request_id);
  });

  it('is rate limited: a client making more than 60 requests a minute gets 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await fetch(`${app.url}/open311/v2/services.json`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(60);
  });
});
