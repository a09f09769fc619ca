/** Headers, script-shaped text, and operator injection through the query string and bodies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PanelClient, loggedIn, seedReport } from './panel-helpers';

let app: TestApp;
let agent: PanelClient;
beforeAll(async () => {
  app = await startTestApp({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' });
  agent = await loggedIn(app, 'sec.agent', 'agent');
});
afterAll(async () => {
  await app?.stop();
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy naming the tile server, and no caching of API answers', async () => {
    const res = await agent.get('/api/meta');
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.org']);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.mapTileUrl).toBe('https://{s}.tiles.example.org/{z}/{x}/{y}.png');
  });

  it('sends the same policy with the front end at /', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('script-shaped text', () => {
  it('returns a description with <script> and <img onerror> as plain JSON text, unchanged', async () => {
    const description = 'Attenzione <script>alert("x")</script> e <img src=x onerror="alert(1)"> davanti al bar';
    const report = await seedReport(app, { description, address: '<b>Via Roma</b> 1' });
    const list = await agent.get('/api/reports');
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    expect(list.body.items.find((r: { id: string }) => r.id === report.id).address).toBe('<b>Via Roma</b> 1');
    const detail = await agent.get(`/api/reports/${report.id}`);
    expect(detail.headers.get('content-type')).toMatch(/^application\/json/);
    expect(detail.body.report.description).toBe(description);
    expect(detail.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('operator injection', () => {
  it.each([
    ['status[$ne]=null', /status\[\$ne\]/],
    ['status[$ne]=x&category=noise', /status\[\$ne\]/],
    ['status=new&status=closed', /status/],
    ['status=$ne', /status/],
    ['status=deleted', /status/],
    ['zone[$regex]=.*', /zone/],
    ['limit=1e9', /limit/],
    ['limit=-1', /limit/],
    ['sort=priority;drop', /sort/],
    ['from=yesterday', /from/],
    ['channel=sms', /channel/],
    ['__proto__[x]=1', /__proto__/],
  ])('refuses ?%s with 400 and a reason', async (query, mention) => {
    const res = await agent.get(`/api/reports?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^Richiesta non valida: /);
    expect(res.body.error).toMatch(mention);
  });

  it('accepts the same filters written as plain values', async () => {
    const res = await agent.get('/api/reports?status=new,in_review&category=noise,abandoned_waste&channel=simulator&from=2020-01-01&sort=newest&limit=10');
    expect(res.status).toBe(200);
    expect(res.body.items.every((r: { status: string }) => ['new', 'in_review'].includes(r.status))).toBe(true);
  });

  it('refuses operator objects in an action body', async () => {
    const report = await seedReport(app);
    for (const body of [
      { action: 'take', version: { $gt: -1 } },
      { action: { $ne: null }, version: 0 },
      { action: 'dispatch', version: 0, unit: { $ne: null } },
      { action: 'take', version: 0, status: 'closed' },
      { status: { $ne: null } },
    ]) {
      const res = await agent.post(`/api/reports/${report.id}/actions`, body);
      expect(`${JSON.stringify(body)} -> ${res.status}`).toBe(`${JSON.stringify(body)} -> 400`);
    }
    expect((await app.storage.reports.get(report.id))?.status).toBe('new');
  });

  it('refuses an audit query with an operator', async () => {
    const supervisor = await loggedIn(app, 'sec.supervisor', 'supervisor');
    expect((await supervisor.get('/api/audit?reportId[$ne]=x')).status).toBe(400);
    expect((await supervisor.get('/api/audit?reportId=x')).status).toBe(400);
  });

  it('answers 404 for a malformed or unknown report id', async () => {
    expect((await agent.get('/api/reports/not-an-id')).status).toBe(404);
    expect((await agent.get('/api/reports/0123456789abcdef01234567')).status).toBe(404);
  });
});
