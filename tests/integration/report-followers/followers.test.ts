/**
 * Followers get a report's updates: a second citizen says "it is the same situation", the agent
 * sees the confirmation (without who sent it) and why the priority rose, and every update of the
 * report reaches both citizens' chats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITY_WEIGHTS } from '../../../config/priority';
import { startTestApp, type TestApp } from '../../support/test-app';
import { expectTicketCode } from '../../support/report-script';
import { chatMessages, eventually, loggedIn, newChatId, type PanelClient } from '../panel/panel-helpers';
import { playReport, say } from '../../support/simulator-citizen';

let app: TestApp;
let agent: PanelClient;
beforeAll(async () => {
  app = await startTestApp();
  agent = await loggedIn(app, 'anna.verdi', 'agent', 'Anna Verdi');
});
afterAll(async () => {
  await app?.stop();
});

const statusUpdates = async (chatId: string) => (await chatMessages(app, chatId)).filter((m) => m.purpose === 'status-update').map((m) => m.text);
const act = (id: string, body: Record<string, unknown>) => agent.post(`/api/reports/${id}/actions`, body);
const versionOf = async (id: string) => (await agent.get(`/api/reports/${id}`)).body.report.version as number;

describe('a confirmed report', () => {
  const reporterChat = newChatId();
  const confirmerChat = newChatId();
  let reportId: string;
  let ticket: string;

  it('takes a second citizen’s "same situation" as a confirmation', async () => {
    ticket = expectTicketCode((await playReport(app, reporterChat)).join('\n'));
    reportId = (await app.storage.reports.getByTicket(ticket))!.id;
    const asked = await playReport(app, confirmerChat, { description: 'Confermo: vetri rotti dappertutto, anche adesso.' });
    expect(asked.join('\n')).toContain('È la stessa situazione?');
    const confirmed = (await say(app, confirmerChat, 'Sì')).join('\n');
    expect(confirmed).toContain(`Ho aggiunto la tua conferma alla segnalazione ${ticket}`);
  });

  it('shows the agent the confirmation without the confirming citizen’s identity, and why the priority is what it is', async () => {
    const res = await agent.get(`/api/reports/${reportId}`);
    expect(res.status).toBe(200);
    const { report, confirmations, priorityFactors } = res.body;
    expect(report.confirmations).toBe(1);
    expect(confirmations).toEqual([
      { at: expect.any(String), reliability: 'seen', description: 'Confermo: vetri rotti dappertutto, anche adesso.', photoUrls: [expect.stringMatching(`^/api/reports/${reportId}/photos/`)] },
    ]);
    // The confirmer's photo is served to operators like the report's own.
    expect((await agent.get(confirmations[0].photoUrls[0])).status).toBe(200);
    const serialized = JSON.stringify(res.body);
    const confirmer = await app.storage.confirmations.get(reportId);
    expect(confirmer!.followers).toHaveLength(1);
    expect(serialized).not.toContain(confirmerChat);
    expect(serialized).not.toContain(confirmer!.followers[0].citizenRef);
    expect(serialized).not.toContain('citizenRef');
    expect(serialized).not.toContain('chatId');

    expect(priorityFactors.score).toBe(report.priority);
    const byFactor = Object.fromEntries(priorityFactors.factors.map((f: { factor: string; points: number }) => [f.factor, f.points]));
    expect(byFactor.confirmations).toBe(PRIORITY_WEIGHTS.confirmation);
    expect(byFactor.recency).toBe(PRIORITY_WEIGHTS.recency.points);
    for (const f of priorityFactors.factors) {
      expect(f.label).toEqual(expect.any(String));
      expect(f.rule).toEqual(expect.any(String));
    }
    expect(priorityFactors.factors.find((f: { factor: string }) => f.factor === 'confirmations').label).toBe('Conferme di altri cittadini');
  });

  it('sends every status update to the reporter and to the follower, once each', async () => {
    expect((await act(reportId, { action: 'take', version: await versionOf(reportId) })).status).toBe(200);
    // The question is for the reporter only: the follower's answer would not reach the report.
    expect((await act(reportId, { action: 'ask_info', version: await versionOf(reportId), message: 'I vetri sono sulla strada?' })).status).toBe(200);
    expect((await act(reportId, { action: 'dispatch', version: await versionOf(reportId), unit: 'Auto 3' })).status).toBe(200);
    expect((await act(reportId, { action: 'close', version: await versionOf(reportId), outcome: 'intervention_done' })).status).toBe(200);

    const reporter = await eventually(async () => {
      const m = await statusUpdates(reporterChat);
      return m.length >= 5 && m;
    });
    const follower = await eventually(async () => {
      const m = await statusUpdates(confirmerChat);
      return m.length >= 3 && m;
    });
    // The last one is the after-close question, asked of the reporter only.
    expect(reporter).toHaveLength(5);
    expect(reporter[4]).toContain(`Segnalazione ${ticket}: il problema è stato risolto?`);
    expect(reporter[0]).toMatch(new RegExp(`^Segnalazione ${ticket}: .*presa in carico`));
    expect(reporter[1]).toContain('I vetri sono sulla strada?');
    expect(follower).toHaveLength(3);
    expect(follower[0]).toMatch(new RegExp(`^Segnalazione ${ticket}, che segui: .*presa in carico`));
    expect(follower[1]).toMatch(/pattuglia è stata inviata/);
    expect(follower[2]).toMatch(/intervenuta e la segnalazione è stata chiusa/);
    expect(follower.join('\n')).not.toContain('I vetri sono sulla strada?');
    expect(follower.join('\n')).not.toContain('risolto?');
    for (const t of [...reporter, ...follower]) expect(t).not.toContain('Auto 3');
  });
});
