/**
 * The way from a report to a person. An insider agent who does not hold a report, or who gives no
 * reason, does not get the citizen's identity; every reveal and every refusal is in the access log
 * a supervisor (or the data protection officer) reads and exports. On the code before this change
 * any agent could reveal any report's identity, with no reason asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { loggedIn, seedReport, type PanelClient } from '../integration/panel/panel-helpers';

let app: TestApp;
let holder: PanelClient;
let other: PanelClient;
let supervisor: PanelClient;
let reportId: string;
const reason = 'richiamare il cittadino per il civico esatto';

beforeAll(async () => {
  app = await startTestApp();
  holder = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
  other = await loggedIn(app, 'curioso.agente', 'agent', 'Agente Curioso');
  supervisor = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
  const report = await seedReport(app);
  reportId = report.id;
  const taken = await holder.post(`/api/reports/${reportId}/actions`, { action: 'take', version: report.version });
  expect(taken.status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
});

describe("revealing a citizen's identity", () => {
  it('needs a reason of some words', async () => {
    expect((await holder.post(`/api/reports/${reportId}/reveal-identity`)).status).toBe(400);
    expect((await holder.post(`/api/reports/${reportId}/reveal-identity`, { reason: 'serve' })).status).toBe(400);
  });

  it('is refused to an agent who does not hold the report, and the attempt is logged', async () => {
    const res = await other.post(`/api/reports/${reportId}/reveal-identity`, { reason: 'solo per curiosità, vediamo chi è' });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(/Simulator|platformId|phone/);
    const refused = await app.mongo.collection('audit_events').findOne({ action: 'identity.reveal_refused', reportId });
    expect(refused).toMatchObject({
      actor: 'curioso.agente',
      details: { reason: 'solo per curiosità, vediamo chi è', assignee: 'mario.rossi' },
    });
  });

  it('is given to the agent holding the report and to a supervisor, with the reason kept', async () => {
    const mine = await holder.post(`/api/reports/${reportId}/reveal-identity`, { reason });
    expect(mine.status).toBe(200);
    expect(mine.body.identity.channel).toBe('simulator');
    expect(
      (await supervisor.post(`/api/reports/${reportId}/reveal-identity`, { reason: 'verifica del responsabile di turno' })).status,
    ).toBe(200);
    const reveals = await app.mongo.collection('audit_events').find({ action: 'identity.reveal', reportId }).toArray();
    expect(reveals.map((r) => [r.actor, r.details.reason])).toEqual([
      ['mario.rossi', reason],
      ['sara.capo', 'verifica del responsabile di turno'],
    ]);
  });
});

describe('the access log', () => {
  it('is for supervisors and admins only', async () => {
    expect((await holder.get('/api/audit/access')).status).toBe(403);
  });

  it('lists reveals, refusals and photo views with filters', async () => {
    const all = await supervisor.get('/api/audit/access');
    expect(all.status).toBe(200);
    expect(all.body.events.map((e: { action: string }) => e.action)).toEqual([
      'identity.reveal',
      'identity.reveal',
      'identity.reveal_refused',
    ]);
    const byActor = await supervisor.get('/api/audit/access?actor=mario.rossi');
    expect(byActor.body.events).toEqual([expect.objectContaining({ actor: 'mario.rossi', actorName: 'Mario Rossi', reason, reportId })]);
    const refusals = await supervisor.get('/api/audit/access?action=identity.reveal_refused');
    expect(refusals.body.events).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await supervisor.get(`/api/audit/access?from=${tomorrow}`)).body.events).toEqual([]);
    expect((await supervisor.get('/api/audit/access?from=ieri')).status).toBe(400);
  });

  it('exports a CSV that a spreadsheet cannot be tricked by, and the export is itself logged', async () => {
    await holder.post(`/api/reports/${reportId}/reveal-identity`, { reason: '=HYPERLINK("http://x.example";"clic") motivo' });
    const csv = await supervisor.get('/api/audit/access?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('at,actor,actorName,actorRole,action,reportId,reason,photo');
    expect(lines).toHaveLength(5);
    expect(csv.text).toContain(`'=HYPERLINK`);
    expect(await app.mongo.collection('audit_events').countDocuments({ action: 'audit.access_export', actor: 'sara.capo' })).toBe(1);
  });
});
