/** Who may call what: 401 without a session on every API route, 403 for a role that may not act. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PASSWORD, PanelClient, loggedIn, seedReport } from './panel-helpers';

let app: TestApp;
let reportId: string;
beforeAll(async () => {
  app = await startTestApp();
  reportId = (await seedReport(app)).id;
});
afterAll(async () => {
  await app?.stop();
});

/** Every route of the panel's API except POST /api/auth/login. */
const routes = (id: string): Array<[method: string, path: string]> => [
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/meta'],
  ['GET', '/api/reports'],
  ['GET', '/api/reports?status=new'],
  ['GET', `/api/reports/${id}`],
  ['GET', `/api/reports/${id}/photos/img_0123456789abcdef0123456789abcdef.jpg`],
  ['POST', `/api/reports/${id}/reveal-identity`],
  ['POST', `/api/reports/${id}/actions`],
  ['GET', '/api/events'],
  ['GET', '/api/admin/operators'],
  ['POST', '/api/admin/operators'],
  ['POST', '/api/admin/operators/someone/disable'],
  ['POST', '/api/admin/operators/someone/enable'],
  ['GET', '/api/admin/whatsapp'],
  ['GET', `/api/audit?reportId=${id}`],
  ['GET', '/api/no-such-route'],
];

const adminRoutes: Array<[string, string, unknown?]> = [
  ['GET', '/api/admin/operators'],
  ['POST', '/api/admin/operators', { username: 'new.one', displayName: 'New One', role: 'agent', password: 'a long enough password' }],
  ['POST', '/api/admin/operators/someone/disable'],
  ['POST', '/api/admin/operators/someone/enable'],
  ['GET', '/api/admin/whatsapp'],
];

describe('without a session', () => {
  it('answers 401 with a reason on every API route', async () => {
    const anonymous = new PanelClient(app.url);
    const results = await Promise.all(
      routes(reportId).map(async ([method, path]) => {
        const res = await anonymous.request(method, path, { body: method === 'POST' ? { action: 'take', version: 0 } : undefined });
        return `${method} ${path} -> ${res.status} ${typeof res.body === 'object' ? Boolean(res.body?.error) : res.text}`;
      }),
    );
    expect(results).toEqual(routes(reportId).map(([method, path]) => `${method} ${path} -> 401 true`));
  });

  it('did not act: the report is untouched and nothing was audited', async () => {
    const report = await app.storage.reports.get(reportId);
    expect(report?.status).toBe('new');
    expect(await app.storage.audit.listForReport(reportId)).toEqual([]);
  });

  it('refuses a forged or expired session cookie', async () => {
    const forged = new PanelClient(app.url);
    forged.cookies.set('vicinato.sid', 's%3Aforged.signature');
    expect((await forged.get('/api/reports')).status).toBe(401);
  });
});

describe('roles', () => {
  it('forbids the admin routes to an agent (403) and the audit log too', async () => {
    const agent = await loggedIn(app, 'agent.roles', 'agent');
    for (const [method, path, body] of adminRoutes) {
      const res = await agent.request(method, path, { body });
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      expect(res.body.error).toBe('Il tuo ruolo non permette questa operazione.');
    }
    expect((await agent.get(`/api/audit?reportId=${reportId}`)).status).toBe(403);
    expect(await app.storage.operators.findByUsername('new.one')).toBeNull();
  });

  it('lets a supervisor read the audit log but not manage operators', async () => {
    const supervisor = await loggedIn(app, 'supervisor.roles', 'supervisor');
    expect((await supervisor.get(`/api/audit?reportId=${reportId}`)).status).toBe(200);
    expect((await supervisor.get('/api/admin/operators')).status).toBe(403);
  });

  it('lets an admin create, list and disable operators; a disabled operator is logged out', async () => {
    const admin = await loggedIn(app, 'admin.roles', 'admin', 'Amministratore');
    const created = await admin.post('/api/admin/operators', {
      username: 'Giulia.Neri',
      displayName: 'Giulia Neri',
      role: 'agent',
      password: 'another long password',
    });
    expect(created.status).toBe(201);
    expect(created.body.operator).toEqual({ username: 'giulia.neri', displayName: 'Giulia Neri', role: 'agent', disabled: false });
    expect((await admin.post('/api/admin/operators', { username: 'giulia.neri', displayName: 'X', role: 'agent', password: 'another long password' })).status).toBe(409);
    expect((await admin.post('/api/admin/operators', { username: 'short.pw', displayName: 'X', role: 'agent', password: 'short' })).status).toBe(400);

    const giulia = new PanelClient(app.url);
    expect((await giulia.login('giulia.neri', 'another long password')).status).toBe(200);

    const list = await admin.get('/api/admin/operators');
    expect(list.body.operators).toContainEqual({ username: 'giulia.neri', displayName: 'Giulia Neri', role: 'agent', disabled: false, mfaEnabled: false });
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|\$argon2/);

    expect((await admin.post('/api/admin/operators/giulia.neri/disable')).status).toBe(204);
    expect((await giulia.get('/api/reports')).status).toBe(401);
    expect((await new PanelClient(app.url).login('giulia.neri', 'another long password')).status).toBe(401);
    expect((await admin.post('/api/admin/operators/nobody.at.all/disable')).status).toBe(404);

    const audit = await app.mongo.collection('audit_events').find({ actor: 'admin.roles' }).toArray();
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['operator.create', 'operator.disable']));
  });

  it('shows the WhatsApp link state and its QR code to an admin', async () => {
    const admin = new PanelClient(app.url);
    await admin.login('admin.roles', PASSWORD);
    expect((await admin.get('/api/admin/whatsapp')).body).toEqual({ state: 'unknown' });
    const { createClient } = await import('./redis-client');
    const redis = createClient(app.config.REDIS_URL);
    await redis.set(`${app.config.REDIS_PREFIX}:whatsapp:status`, JSON.stringify({ state: 'qr', qr: '2@abc,def,ghi', updatedAt: '2026-11-20T10:00:00.000Z' }));
    await redis.quit();
    const res = await admin.get('/api/admin/whatsapp');
    expect(res.body.state).toBe('qr');
    expect(res.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(res.body.updatedAt).toBe('2026-11-20T10:00:00.000Z');
  });
});
