/**
 * Merging a duplicate keeps everything: two citizens report the same thing from two places, an
 * agent marks the second as a duplicate of the first, the first gains the second's photos, details
 * and citizen, and from then on every update of the first reaches both citizens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { expectTicketCode } from '../../support/report-script';
import { chatMessages, eventually, loggedIn, newChatId, refOf, seedReport, type PanelClient } from '../panel/panel-helpers';
import { LAMMARI, playReport, say } from '../../support/simulator-citizen';

let app: TestApp;
let agent: PanelClient;
beforeAll(async () => {
  app = await startTestApp();
  agent = await loggedIn(app, 'paolo.neri', 'agent', 'Paolo Neri');
});
afterAll(async () => {
  await app?.stop();
});

const statusUpdates = async (chatId: string) => (await chatMessages(app, chatId)).filter((m) => m.purpose === 'status-update').map((m) => m.text);
const act = (id: string, body: Record<string, unknown>) => agent.post(`/api/reports/${id}/actions`, body);
const detail = async (id: string) => (await agent.get(`/api/reports/${id}`)).body;

describe('merging a duplicate', () => {
  const chatA = newChatId();
  const chatB = newChatId();
  let a: { id: string; ticket: string };
  let b: { id: string; ticket: string };

  it('starts from two reports by two citizens in two places', async () => {
    const ticketA = expectTicketCode((await playReport(app, chatA)).join('\n'));
    const ticketB = expectTicketCode((await playReport(app, chatB, { at: LAMMARI, description: 'Bottiglie rotte e sacchi vicino alla scuola.' })).join('\n'));
    a = { id: (await app.storage.reports.getByTicket(ticketA))!.id, ticket: ticketA };
    b = { id: (await app.storage.reports.getByTicket(ticketB))!.id, ticket: ticketB };
    expect(a.id).not.toBe(b.id);
  });

  it('keeps the details the second citizen sent when asked', async () => {
    const take = await act(b.id, { action: 'take', version: (await detail(b.id)).report.version });
    expect(take.status).toBe(200);
    const ask = await act(b.id, { action: 'ask_info', version: take.body.report.version, message: 'A che ora le hai viste?' });
    expect(ask.status).toBe(200);
    await eventually(async () => (await chatMessages(app, chatB)).some((m) => m.text.includes('A che ora le hai viste?')));
    await say(app, chatB, 'Verso le otto di stamattina');
    await eventually(async () => (await detail(b.id)).report.citizenInfo.length === 1);
  });

  it('refuses to merge into a report that is itself a duplicate', async () => {
    const other = await seedReport(app);
    const third = await seedReport(app);
    expect((await act(other.id, { action: 'mark_duplicate', version: other.version, duplicateOf: a.ticket })).status).toBe(200);
    const res = await act(third.id, { action: 'mark_duplicate', version: third.version, duplicateOf: other.ticketCode });
    expect(res.status).toBe(422);
    expect(res.body.error).toContain(a.ticket);
  });

  it('moves photos, details, the confirmation and the citizen onto the original', async () => {
    const before = (await detail(a.id)).report;
    const bBefore = (await detail(b.id)).report;
    const res = await act(b.id, { action: 'mark_duplicate', version: bBefore.version, duplicateOf: a.ticket });
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ status: 'duplicate', duplicateOf: a.ticket });

    const after = await detail(a.id);
    // B's citizen is new to A: one more confirmation.
    expect(after.report.confirmations).toBe(before.confirmations + 1);
    const bPhotos = bBefore.photos.map((p: { ref: string }) => p.ref);
    expect(after.report.photos.map((p: { ref: string }) => p.ref)).toEqual(expect.arrayContaining(bPhotos));
    expect(after.report.citizenInfo).toEqual([expect.objectContaining({ text: 'Verso le otto di stamattina' })]);
    const fromB = after.confirmations.find((c: { mergedFrom?: string }) => c.mergedFrom === b.ticket);
    expect(fromB).toMatchObject({ reliability: 'seen', description: 'Bottiglie rotte e sacchi vicino alla scuola.' });
    expect(fromB.photoUrls).toHaveLength(1);
    expect((await agent.get(fromB.photoUrls[0])).status).toBe(200);
    expect(JSON.stringify(after)).not.toContain(chatB);
    expect(after.timeline.map((t: { text: string }) => t.text)).toContain(`Unita una segnalazione duplicata: ${b.ticket}`);

    const followers = (await app.storage.confirmations.get(a.id))!.followers;
    expect(followers.filter((f) => f.citizenRef === refOf(app, chatB))).toHaveLength(1);
  });

  it('tells the second citizen which ticket they follow now', async () => {
    const merged = await eventually(async () => (await statusUpdates(chatB)).find((t) => t.includes(a.ticket)));
    expect(merged).toMatch(new RegExp(`^Segnalazione ${b.ticket}: `));
    expect(merged).toContain('ti scriverò qui gli aggiornamenti');
  });

  it('does nothing twice when the merge is sent again', async () => {
    const current = (await detail(b.id)).report;
    const again = await act(b.id, { action: 'mark_duplicate', version: current.version, duplicateOf: a.ticket });
    expect(again.status).toBe(200);
    const stored = (await app.storage.confirmations.get(a.id))!;
    expect(stored.confirmationsList.filter((c) => c.messageId === `merged:${b.ticket}`)).toHaveLength(1);
    expect(stored.followers.filter((f) => f.citizenRef === refOf(app, chatB))).toHaveLength(1);
    // Notices are recorded before the action answers: a second one would be in the chat already.
    expect((await statusUpdates(chatB)).filter((t) => t.includes(a.ticket))).toHaveLength(1);
  });

  it('sends the original’s updates to both citizens', async () => {
    let version = (await detail(a.id)).report.version;
    for (const body of [{ action: 'take' }, { action: 'dispatch', unit: 'Auto 5' }, { action: 'close', outcome: 'intervention_done' }]) {
      const res = await act(a.id, { ...body, version });
      expect(res.status).toBe(200);
      version = res.body.report.version;
    }
    const expected = [/presa in carico/, /pattuglia è stata inviata/, /intervenuta e la segnalazione è stata chiusa/, /il problema è stato risolto\?/];
    const forA = await eventually(async () => {
      const m = (await statusUpdates(chatA)).filter((t) => t.startsWith(`Segnalazione ${a.ticket}`));
      return m.length >= 4 && m;
    });
    const forB = await eventually(async () => {
      const m = (await statusUpdates(chatB)).filter((t) => t.startsWith(`Segnalazione ${a.ticket}`));
      return m.length >= 3 && m;
    });
    // The after-close question goes to the report's own citizen only.
    expect(forA).toHaveLength(4);
    expect(forB).toHaveLength(3);
    expected.forEach((re, i) => {
      expect(forA[i]).toMatch(re);
      if (i < 3) expect(forB[i]).toMatch(re);
    });
    expect(forB[0]).toMatch(new RegExp(`^Segnalazione ${a.ticket}, che segui: `));
  });
});

describe('reopening a merged duplicate', () => {
  it('takes back what it brought, so its citizen no longer gets the original’s updates', async () => {
    const original = await seedReport(app, { description: 'Auto in sosta sul marciapiede' });
    const copy = await seedReport(app, { photoRefs: [], description: 'Auto sul marciapiede da ieri' });
    const before = (await detail(original.id)).report;
    const merged = await act(copy.id, { action: 'mark_duplicate', version: copy.version, duplicateOf: original.ticketCode });
    expect(merged.status).toBe(200);
    const during = await detail(original.id);
    expect(during.report.confirmations).toBe(before.confirmations + 1);
    expect(during.report.priority).toBeGreaterThan(before.priority);

    const reopened = await act(copy.id, { action: 'reopen', version: merged.body.report.version, note: 'Non è la stessa auto' });
    expect(reopened.status).toBe(200);
    const after = await detail(original.id);
    expect(after.report.confirmations).toBe(before.confirmations);
    // Rescored without the duplicate's confirmation.
    expect(after.report.priority).toBeLessThan(during.report.priority);
    const points = (d: typeof after) => d.priorityFactors.factors.find((f: { factor: string }) => f.factor === 'confirmations').points;
    expect(points(during)).toBeGreaterThan(0);
    expect(points(after)).toBe(0);
    expect(after.confirmations).toEqual([]);
    expect((await app.storage.confirmations.get(original.id))!.followers).toEqual([]);
    expect(after.timeline.map((t: { text: string }) => t.text)).toContain(`Separata una segnalazione duplicata riaperta: ${copy.ticketCode}`);

    // Updates of the original now reach only its own citizen.
    expect((await act(original.id, { action: 'take', version: after.report.version })).status).toBe(200);
    await eventually(async () => (await statusUpdates(original.chatId)).some((t) => t.includes('presa in carico')));
    expect((await statusUpdates(copy.chatId)).filter((t) => t.includes(original.ticketCode) && t.includes('presa in carico'))).toEqual([]);
  });
});
