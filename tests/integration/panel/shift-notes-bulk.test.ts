/**
 * A shift's tools through the panel API: internal notes that citizens never see, mentions that land
 * in the named operator's "for me" list, and bulk triage with one reason that is exactly N single
 * actions (one audit entry and one citizen notice per report).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { chatMessages, eventually, loggedIn, openLiveStream, seedReport, type PanelClient } from './panel-helpers';

let app: TestApp;
let mario: PanelClient;
let giulia: PanelClient;
let supervisor: PanelClient;

beforeAll(async () => {
  app = await startTestApp();
  mario = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
  giulia = await loggedIn(app, 'giulia.neri', 'agent', 'Giulia Neri');
  supervisor = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
});
afterAll(async () => {
  await app?.stop();
});

describe('internal notes', () => {
  it('are on the timeline marked as notes, never sent to the citizen, and reach the operators they mention', async () => {
    const report = await seedReport(app);
    const giuliaStream = await openLiveStream(giulia);
    const text = 'Il vicino dice che succede ogni venerdì sera, @giulia.neri puoi passare tu? cc @nessuno.qui';
    const res = await mario.post(`/api/reports/${report.id}/notes`, { text });
    expect(res.status).toBe(201);
    expect(res.body.note.mentions).toEqual(['giulia.neri']);
    await giuliaStream.waitFor('note.added', (d) => d.reportId === report.id && d.mentions.includes('giulia.neri'));
    giuliaStream.close();

    const detail = await mario.get(`/api/reports/${report.id}`);
    const note = detail.body.timeline.find((t: { kind: string }) => t.kind === 'note');
    expect(note).toMatchObject({ kind: 'note', text, actor: 'Mario Rossi' });
    // The citizen got nothing about it.
    expect((await chatMessages(app, report.chatId)).some((m) => m.text.includes('venerdì'))).toBe(false);
    expect(await app.mongo.collection('outbound_messages').countDocuments({ text: { $regex: 'venerdì' } })).toBe(0);

    const forMe = await giulia.get('/api/notes/for-me');
    expect(forMe.body.unread).toBe(1);
    expect(forMe.body.notes[0]).toMatchObject({
      reportId: report.id,
      ticketCode: report.ticketCode,
      authorName: 'Mario Rossi',
      text,
      unread: true,
    });
    expect((await giulia.post('/api/notes/for-me/read')).status).toBe(204);
    expect((await giulia.get('/api/notes/for-me/count')).body.unread).toBe(0);
    expect((await mario.get('/api/notes/for-me')).body.notes).toEqual([]);
    const audit = await app.storage.audit.listForReport(report.id);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'note.add',
        actor: 'mario.rossi',
        details: expect.objectContaining({ mentions: ['giulia.neri'] }),
      }),
    );
  });

  it('are refused empty or too long, and on an unknown report', async () => {
    const report = await seedReport(app);
    expect((await mario.post(`/api/reports/${report.id}/notes`, { text: '   ' })).status).toBe(400);
    expect((await mario.post(`/api/reports/${report.id}/notes`, { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await mario.post('/api/reports/0123456789abcdef01234567/notes', { text: 'nota' })).status).toBe(404);
  });
});

describe('bulk triage', () => {
  it('rejects several reports with one reason: one audit entry and one notice per report', async () => {
    const reports = await Promise.all([seedReport(app), seedReport(app), seedReport(app)]);
    const res = await supervisor.post('/api/reports/bulk', {
      action: 'reject',
      reportIds: reports.map((r) => r.id),
      reason: 'Segnalazioni di prova inviate per errore',
    });
    expect(res.status).toBe(200);
    expect(res.body.done).toBe(3);
    for (const r of reports) {
      expect((await app.storage.reports.get(r.id))?.status).toBe('rejected');
      const entries = (await app.storage.audit.listForReport(r.id)).filter((e) => e.action === 'reject');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: 'sara.capo', reason: 'Segnalazioni di prova inviate per errore' });
      await eventually(async () => (await chatMessages(app, r.chatId)).some((m) => m.text.includes(r.ticketCode)));
    }
  });

  it('closes the ones it may, and says why not for the others', async () => {
    const taken = await seedReport(app);
    expect((await mario.post(`/api/reports/${taken.id}/actions`, { action: 'take', version: taken.version })).status).toBe(200);
    const fresh = await seedReport(app);
    const res = await mario.post('/api/reports/bulk', {
      action: 'close',
      outcome: 'intervention_done',
      reportIds: [taken.id, fresh.id],
      reason: 'Rimosso tutto in mattinata',
    });
    expect(res.body.results).toEqual([
      { reportId: taken.id, ticketCode: taken.ticketCode, result: 'done' },
      { reportId: fresh.id, ticketCode: fresh.ticketCode, result: 'not_allowed' },
    ]);
    // An agent cannot close, in bulk, what a colleague holds.
    const held = await seedReport(app);
    await giulia.post(`/api/reports/${held.id}/actions`, { action: 'take', version: held.version });
    const other = await mario.post('/api/reports/bulk', {
      action: 'close',
      outcome: 'nothing_found',
      reportIds: [held.id],
      reason: 'niente sul posto',
    });
    expect(other.body.results[0].result).toBe('held_by_other');
  });

  it('merges several reports into one ticket', async () => {
    const original = await seedReport(app);
    const copies = await Promise.all([seedReport(app), seedReport(app)]);
    const res = await supervisor.post('/api/reports/bulk', {
      action: 'mark_duplicate',
      duplicateOf: original.ticketCode,
      reportIds: copies.map((c) => c.id),
      reason: 'Stesso cassonetto',
    });
    expect(res.body.done).toBe(2);
    for (const c of copies) expect((await app.storage.reports.get(c.id))?.duplicateOf).toBe(original.ticketCode);
    expect((await supervisor.post('/api/reports/bulk', { action: 'reject', reportIds: [], reason: 'x y z' })).status).toBe(400);
    expect(
      (await supervisor.post('/api/reports/bulk', { action: 'reject', reportIds: Array(101).fill(original.id), reason: 'troppi' })).status,
    ).toBe(400);
  });
});
