/**
 * After a report is sent and after it is closed, end to end on the real service (simulator,
 * panel API, Redis, MongoDB): the citizen adds a detail to the open report and the panel sees it
 * live; closing with an outcome asks "Il problema è stato risolto?" with buttons; «no» reopens the
 * report through the audited transition (or opens a linked follow-up with
 * RESOLUTION_NOT_SOLVED=follow_up); the answers are on the panel's timeline and the share of
 * "solved" is in the indicators by category and zone; a sensitive category gets no question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  chatMessages,
  citizenSays,
  eventually,
  loggedIn,
  newChatId,
  openLiveStream,
  seedReport,
  submitReportAsCitizen,
  type PanelClient,
} from '../panel/panel-helpers';

const act = (client: PanelClient, id: string, body: Record<string, unknown>) => client.post(`/api/reports/${id}/actions`, body);

async function takeAndClose(agent: PanelClient, id: string, outcome = 'intervention_done') {
  const taken = await act(agent, id, { action: 'take', version: (await agent.get(`/api/reports/${id}`)).body.report.version });
  expect(taken.status).toBe(200);
  const closed = await act(agent, id, { action: 'close', version: taken.body.report.version, outcome, note: 'Rimossi' });
  expect(closed.status).toBe(200);
}

const questionIn = (app: TestApp, chatId: string, ticket: string) =>
  eventually(async () => (await chatMessages(app, chatId)).find((m) => m.text.includes(`Segnalazione ${ticket}: il problema è stato risolto?`)));

describe('with the default settings (reopen)', () => {
  let app: TestApp;
  let agent: PanelClient;
  beforeAll(async () => {
    app = await startTestApp();
    agent = await loggedIn(app, 'agente.care', 'agent');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('a detail added to the open report reaches the panel live, on the report and its timeline', async () => {
    const chatId = newChatId();
    const report = await submitReportAsCitizen(app, chatId);
    const live = await openLiveStream(agent);
    try {
      expect((await citizenSays(app, chatId, 'aggiungi')).join('\n')).toContain(`alla tua segnalazione ${report.ticketCode}`);
      expect((await citizenSays(app, chatId, '1')).join('\n')).toContain('mandami le foto');
      expect((await citizenSays(app, chatId, 'Adesso ci sono anche dei vetri rotti')).join('\n')).toContain('Ho aggiunto il tuo messaggio');
      await live.waitFor('report.updated', (d) => d.reportId === report.id);
    } finally {
      live.close();
    }
    const detail = await agent.get(`/api/reports/${report.id}`);
    expect(detail.body.report.citizenInfo.map((i: { text?: string }) => i.text)).toContain('Adesso ci sono anche dei vetri rotti');
    expect(detail.body.timeline.find((t: { action?: string }) => t.action === 'citizen.add')?.text).toContain('Il cittadino ha aggiunto');
    const shown = detail.body.timeline.filter((t: { text: string }) => t.text === 'Adesso ci sono anche dei vetri rotti');
    expect(shown, 'the addition once on the timeline').toHaveLength(1);
    // Closed (with no question for a false alarm), so the next citizen's report is not "the same situation".
    await takeAndClose(agent, report.id, 'false_alarm');
  });

  it('«No» after the close reopens the report (audited, on the timeline); «Sì» is counted as solved in the indicators', async () => {
    const chatId = newChatId();
    const first = await submitReportAsCitizen(app, chatId);
    await takeAndClose(agent, first.id);
    await questionIn(app, chatId, first.ticketCode);
    expect((await citizenSays(app, chatId, 'No')).join('\n')).toContain(`ho riaperto la segnalazione ${first.ticketCode}`);

    const reopened = await agent.get(`/api/reports/${first.id}`);
    expect(reopened.body.report).toMatchObject({ status: 'in_review', resolutionCheck: { answer: 'not_solved', result: 'reopened' } });
    const actions = reopened.body.timeline.filter((t: { kind: string }) => t.kind === 'action');
    expect(actions.find((t: { action: string }) => t.action === 'citizen.resolution')?.text).toContain('No, non risolto');
    expect(actions.find((t: { action: string }) => t.action === 'reopen')?.text).toContain('il cittadino dice che il problema non è risolto');
    const audit = await app.mongo.collection('audit_events').findOne({ reportId: first.id, action: 'reopen' });
    expect(audit).toMatchObject({ actor: 'citizen', details: { from: 'closed', to: 'in_review' } });

    // The reopened report closed again: asked again, and this time solved.
    const again = reopened.body.report;
    const closed = await act(agent, first.id, { action: 'close', version: again.version, outcome: 'intervention_done' });
    expect(closed.status).toBe(200);
    await eventually(async () => (await app.storage.reports.get(first.id))?.resolutionCheck?.answer === undefined);
    expect((await citizenSays(app, chatId, 'Sì, risolto')).join('\n')).toContain('è risolto');

    // Indicators are for supervisors.
    const supervisor = await loggedIn(app, 'capo.care', 'supervisor');
    const byCategory = await supervisor.get('/api/territory/indicators?groupBy=category&period=month');
    const row = byCategory.body.rows.find((r: { key: string }) => r.key === first.categoryId);
    expect(row.resolution).toEqual({ solved: 1, notSolved: 1, shareSolved: 0.5 });
    const byZone = await supervisor.get('/api/territory/indicators?groupBy=zone&period=month');
    const zoneRow = byZone.body.rows.find((r: { key: string }) => r.key === (first.zone ?? 'none'));
    expect(zoneRow.resolution).toMatchObject({ solved: 1, notSolved: 1 });
  });

  it('a sensitive category gets no question: the citizen sees only the usual close notice', async () => {
    const report = await seedReport(app, { categoryId: 'drug_dealing' });
    await takeAndClose(agent, report.id);
    const updates = await eventually(async () => {
      const m = await chatMessages(app, report.chatId);
      return m.some((x) => x.text.includes('è stata chiusa')) && m;
    });
    expect(updates.map((m) => m.text).join('\n')).not.toContain('risolto?');
    expect((await app.storage.reports.get(report.id))?.resolutionCheck).toBeUndefined();
  });

  it('"not our competence" asks nothing either', async () => {
    const report = await seedReport(app);
    await takeAndClose(agent, report.id, 'not_our_competence');
    await eventually(async () => (await chatMessages(app, report.chatId)).some((x) => x.text.includes('non è di competenza')));
    expect((await app.storage.reports.get(report.id))?.resolutionCheck).toBeUndefined();
  });
});

describe('with RESOLUTION_NOT_SOLVED=follow_up', () => {
  let app: TestApp;
  let agent: PanelClient;
  beforeAll(async () => {
    app = await startTestApp({ RESOLUTION_NOT_SOLVED: 'follow_up' });
    agent = await loggedIn(app, 'agente.care2', 'agent');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('«è ancora lì» opens a linked follow-up report; the closed one stays closed', async () => {
    const chatId = newChatId();
    const report = await submitReportAsCitizen(app, chatId);
    await takeAndClose(agent, report.id);
    await questionIn(app, chatId, report.ticketCode);
    const replies = (await citizenSays(app, chatId, 'è ancora lì')).join('\n');
    const newTicket = /ho aperto la segnalazione (VIC-\d{4}-\d+)/.exec(replies)?.[1];
    expect(newTicket, replies).toBeDefined();
    const followUp = await app.storage.reports.getByTicket(newTicket!);
    expect(followUp).toMatchObject({ status: 'new', followUpOf: report.ticketCode, categoryId: report.categoryId, citizenRef: report.citizenRef });
    const original = await agent.get(`/api/reports/${report.id}`);
    expect(original.body.report).toMatchObject({
      status: 'closed',
      resolutionCheck: { answer: 'still_there', result: 'follow_up', followUp: newTicket },
    });
    const detail = await agent.get(`/api/reports/${followUp!.id}`);
    expect(detail.body.report.followUpOf).toBe(report.ticketCode);
    expect(detail.body.timeline.find((t: { action?: string }) => t.action === 'citizen.follow_up')?.text).toContain(report.ticketCode);
  });
});
