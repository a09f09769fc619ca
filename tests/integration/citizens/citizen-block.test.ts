/**
 * An agent blocks the citizen behind a report (reason, expiry, audited), through the panel API on
 * the real service (Redis, MongoDB): the blocked citizen gets one notice, their messages are not
 * stored but counted; an erased citizen cannot be blocked; an agent can lift a block early (audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';
import { startTestApp, type TestApp } from '../../support/test-app';
import { citizenSays, loggedIn, newChatId, refOf, seedReport, submitReportAsCitizen } from '../panel/panel-helpers';

let app: TestApp;
let nominatim: FakeNominatim;

beforeAll(async () => {
  nominatim = await startFakeNominatim();
  app = await startTestApp({ GEOCODER_URL: nominatim.url, GEOCODER_USER_AGENT: 'Vicinato tests (tests@vicinato.example)' });
});
afterAll(async () => {
  await app?.stop();
  await nominatim?.close();
});

describe('blocking a citizen', () => {
  it('IT: one notice, then nothing stored but a count; audited on the report', async () => {
    const chatId = newChatId();
    const citizenRef = refOf(app, chatId);
    const report = await submitReportAsCitizen(app, chatId);
    const agent = await loggedIn(app, 'agente-block', 'agent');

    expect((await agent.post(`/api/reports/${report.id}/block-citizen`, { days: 7 })).status).toBe(400);
    const blocked = await agent.post(`/api/reports/${report.id}/block-citizen`, { reason: 'Insulti ripetuti agli agenti', days: 7 });
    expect(blocked.status).toBe(201);

    const stored = await app.mongo.collection('inbox_messages').countDocuments({ citizenRef });
    expect(await citizenSays(app, chatId, 'ciao')).toEqual([expect.stringContaining('La Polizia Municipale ha sospeso i messaggi da questo contatto fino al')]);
    expect(await citizenSays(app, chatId, 'ciao?')).toEqual([]);
    expect(await app.mongo.collection('inbox_messages').countDocuments({ citizenRef })).toBe(stored);
    expect(await app.mongo.collection('citizen_blocks').findOne({ citizenRef })).toMatchObject({ blockedMessages: 2, by: 'agente-block' });

    const detail = await agent.get(`/api/reports/${report.id}`);
    const action = detail.body.timeline.find((t: { action?: string }) => t.action === 'citizen.block');
    expect(action?.text).toContain('Cittadino bloccato');
    expect(action?.text).toContain('Insulti ripetuti');
  });

  it('an agent lifts the block early with a reason (audited); the citizen is heard again', async () => {
    const report = await seedReport(app);
    const chatId = report.chatId;
    const agent = await loggedIn(app, 'agente-unblock', 'agent');
    expect((await agent.get(`/api/reports/${report.id}/block-citizen`)).body).toEqual({ block: null });
    expect((await agent.post(`/api/reports/${report.id}/unblock-citizen`, { reason: 'nessun blocco' })).status).toBe(409);
    expect((await agent.post(`/api/reports/${report.id}/block-citizen`, { reason: 'Messaggi offensivi', days: 30 })).status).toBe(201);
    expect(await citizenSays(app, chatId, 'ciao')).toHaveLength(1);
    const state = await agent.get(`/api/reports/${report.id}/block-citizen`);
    expect(state.body.block).toMatchObject({ reason: 'Messaggi offensivi', blockedMessages: 1 });

    expect((await agent.post(`/api/reports/${report.id}/unblock-citizen`, {})).status).toBe(400);
    const lifted = await agent.post(`/api/reports/${report.id}/unblock-citizen`, { reason: 'Si è scusato al telefono' });
    expect(lifted.status).toBe(200);
    expect((await agent.get(`/api/reports/${report.id}/block-citizen`)).body).toEqual({ block: null });
    const stored = await app.mongo.collection('inbox_messages').countDocuments({ citizenRef: report.citizenRef });
    const heard = (await citizenSays(app, chatId, 'ciao di nuovo')).join('\n');
    expect(heard).not.toContain('ha sospeso i messaggi');
    expect(heard).toContain('Ciao');
    expect(await app.mongo.collection('inbox_messages').countDocuments({ citizenRef: report.citizenRef })).toBe(stored + 1);

    const detail = await agent.get(`/api/reports/${report.id}`);
    const action = detail.body.timeline.find((t: { action?: string }) => t.action === 'citizen.unblock');
    expect(action?.text).toBe('Blocco del cittadino tolto: Si è scusato al telefono');
    expect(await app.mongo.collection('audit_events').findOne({ reportId: report.id, action: 'citizen.unblock' })).toMatchObject({
      actor: 'agente-unblock',
      reason: 'Si è scusato al telefono',
    });
  });

  it('the panel states the retention policy (config RETENTION_*) and the last clean-up', async () => {
    const agent = await loggedIn(app, 'agente-retention', 'agent');
    const meta = await agent.get('/api/meta');
    expect(meta.body.retention).toEqual({ messagesDays: 90, identityLinkMonths: 12, photosMonths: 12, auditYears: 10, lastRunAt: null });
  });

  it('an unknown report is 404', async () => {
    const agent = await loggedIn(app, 'agente-block2', 'agent');
    expect((await agent.post('/api/reports/000000000000000000000000/block-citizen', { reason: 'spam', days: 1 })).status).toBe(404);
  });
});
