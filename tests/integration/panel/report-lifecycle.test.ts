/**
 * A report's life in the panel, end to end through the real service: a citizen reports through the
 * simulator, the panel sees it live, agents act on it, the citizen is told, everything is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  PanelClient,
  chatMessages,
  citizenSays,
  eventually,
  loggedIn,
  newChatId,
  openLiveStream,
  seedReport,
  submitReportAsCitizen,
} from './panel-helpers';

let app: TestApp;
let mario: PanelClient;
let luca: PanelClient;
let supervisor: PanelClient;
beforeAll(async () => {
  app = await startTestApp();
  mario = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
  luca = await loggedIn(app, 'luca.bianchi', 'agent', 'Luca Bianchi');
  supervisor = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
});
afterAll(async () => {
  await app?.stop();
});

const act = (client: PanelClient, id: string, body: Record<string, unknown>) => client.post(`/api/reports/${id}/actions`, body);

describe('a citizen report from arrival to closing', () => {
  const chatId = newChatId();
  let reportId: string;
  let holder: PanelClient;
  let holderName: string;

  it('appears live in the open queue when the citizen sends it', async () => {
    const live = await openLiveStream(mario);
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/^text\/event-stream/);
    try {
      const report = await submitReportAsCitizen(app, chatId);
      reportId = report.id;
      await live.waitFor('report.created', (d) => d.reportId === reportId);
    } finally {
      live.close();
    }
    const queue = await mario.get('/api/reports');
    expect(queue.status).toBe(200);
    const row = queue.body.items.find((r: { id: string }) => r.id === reportId);
    expect(row).toMatchObject({
      status: 'new',
      channel: 'simulator',
      categoryId: expect.any(String),
      hasPhoto: true,
      version: expect.any(Number),
    });
    // The citizen's time words, to triage by when it was observed (the detail has the period).
    expect(row.observedWords).toBe('da almeno una settimana');
    expect(row.waitingMs).toBeGreaterThanOrEqual(0);
    expect(row.waitingServiceMs).toBeGreaterThanOrEqual(0);
    expect(queue.body.counts.new).toBeGreaterThanOrEqual(1);
    expect(Object.keys(queue.body.counts).sort()).toEqual([
      'closed',
      'dispatched',
      'duplicate',
      'in_review',
      'needs_info',
      'new',
      'rejected',
    ]);
  });

  it('shows the detail without the citizen identity, and the photo only to operators, audited', async () => {
    const detail = await mario.get(`/api/reports/${reportId}`);
    expect(detail.status).toBe(200);
    const { report, timeline } = detail.body;
    expect(report.description).toContain('giardino dietro al municipio');
    // "… da almeno una settimana" in the description: when the citizen says it was observed, with
    // its start a week before the message (from the start of that day in Capannori).
    expect(report.observedWhen).toEqual({ text: 'da almeno una settimana', kind: 'since', from: expect.any(String) });
    const weekBefore = Date.parse(report.createdAt) - 7 * 24 * 3_600_000;
    expect(Math.abs(Date.parse(report.observedWhen.from) - weekBefore)).toBeLessThan(26 * 3_600_000);
    expect(report.photos).toHaveLength(1);
    expect(report.timeInQueue).toEqual({ wallMs: expect.any(Number), serviceMs: expect.any(Number) });
    const serialized = JSON.stringify(detail.body);
    expect(serialized).not.toContain(chatId);
    expect(serialized).not.toContain('citizenRef');
    expect(serialized).not.toContain('cit_');
    expect(timeline.some((t: { kind: string }) => t.kind === 'inbound')).toBe(true);
    expect(timeline.some((t: { kind: string }) => t.kind === 'outbound')).toBe(true);
    const times = timeline.map((t: { at: string }) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const photoUrl: string = report.photos[0].url;
    expect((await fetch(app.url + photoUrl)).status).toBe(401);
    const photo = await mario.get(photoUrl);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('cache-control')).toBe('private, no-store');
    expect((await mario.get(`/api/reports/${reportId}/photos/img_00000000000000000000000000000000.jpg`)).status).toBe(404);
    const audit = await app.storage.audit.listForReport(reportId);
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: 'mario.rossi', actorRole: 'agent', action: 'photo.view', details: { ref: report.photos[0].ref } }),
    );
  });

  it('reveals the identity only on request, with a reason, and audits it', async () => {
    const before = (await app.storage.audit.listForReport(reportId)).filter((e) => e.action === 'identity.reveal');
    expect(before).toEqual([]);
    expect((await supervisor.post(`/api/reports/${reportId}/reveal-identity`)).status).toBe(400);
    const reason = 'serve richiamare il cittadino per il civico esatto';
    const res = await supervisor.post(`/api/reports/${reportId}/reveal-identity`, { reason });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ channel: 'simulator', displayName: `Simulator ${chatId}`, reachable: true });
    const after = await app.mongo.collection('audit_events').find({ reportId, action: 'identity.reveal' }).toArray();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      actor: 'sara.capo',
      actorRole: 'supervisor',
      requestId: res.headers.get('x-request-id'),
      details: { reason },
    });
    expect(JSON.stringify(after[0].details)).not.toContain(chatId);
  });

  it('lets exactly one of two agents take it; the other is told who has it', async () => {
    const { version } = (await mario.get(`/api/reports/${reportId}`)).body.report;
    const [a, b] = await Promise.all([act(mario, reportId, { action: 'take', version }), act(luca, reportId, { action: 'take', version })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    holder = a.status === 200 ? mario : luca;
    holderName = a.status === 200 ? 'Mario Rossi' : 'Luca Bianchi';
    expect(won.body.report).toMatchObject({ status: 'in_review', assignee: holderName });
    expect(lost.body.error).toBe(`Questa segnalazione è già in carico a ${holderName}.`);
    expect(lost.body.current).toMatchObject({ status: 'in_review', assignee: holderName, version: won.body.report.version });
    const takes = (await app.storage.audit.listForReport(reportId)).filter((e) => e.action === 'take');
    expect(takes).toHaveLength(1);
  });

  it('refuses another agent acting on a report someone else holds, naming the holder', async () => {
    const other = holder === mario ? luca : mario;
    const { version } = (await other.get(`/api/reports/${reportId}`)).body.report;
    const res = await act(other, reportId, { action: 'dispatch', version, unit: 'Auto 7' });
    expect(res.status).toBe(409);
    expect(res.body.error).toContain(holderName);
  });

  it('asks the citizen for details; their answer is attached and the report comes back for review', async () => {
    const live = await openLiveStream(holder);
    try {
      const { version } = (await holder.get(`/api/reports/${reportId}`)).body.report;
      const asked = await act(holder, reportId, { action: 'ask_info', version, message: 'Le bottiglie sono sul marciapiede o nel prato?' });
      expect(asked.status).toBe(200);
      expect(asked.body.report.status).toBe('needs_info');
      await eventually(async () =>
        (await chatMessages(app, chatId)).some((m) => m.text.includes('Le bottiglie sono sul marciapiede o nel prato?')),
      );

      const replies = await citizenSays(app, chatId, 'Sono nel prato, vicino alla panchina');
      expect(replies.join('\n')).toMatch(/grazie|Grazie/);
      await live.waitFor('report.updated', (d) => d.reportId === reportId && d.status === undefined);
    } finally {
      live.close();
    }
    const detail = (await holder.get(`/api/reports/${reportId}`)).body;
    expect(detail.report.status).toBe('in_review');
    expect(detail.report.citizenInfo).toEqual([expect.objectContaining({ text: 'Sono nel prato, vicino alla panchina' })]);
    expect(detail.timeline.map((t: { text: string }) => t.text)).toContain('Sono nel prato, vicino alla panchina');
  });

  it('refuses a stale edit with a clear conflict', async () => {
    const stale = (await holder.get(`/api/reports/${reportId}`)).body.report.version - 1;
    const res = await act(holder, reportId, { action: 'dispatch', version: stale, unit: 'Auto 12' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/modificata da un altro operatore/);
    expect(res.body.current.status).toBe('in_review');
  });

  it('dispatches a patrol and closes with an outcome', async () => {
    let { version } = (await holder.get(`/api/reports/${reportId}`)).body.report;
    const dispatched = await act(holder, reportId, { action: 'dispatch', version, unit: 'Auto 12', note: 'Passaggio entro le 11' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.report).toMatchObject({ status: 'dispatched', dispatch: { unit: 'Auto 12', note: 'Passaggio entro le 11' } });
    version = dispatched.body.report.version;
    const closed = await act(holder, reportId, { action: 'close', version, outcome: 'intervention_done', note: 'Rimosse le bottiglie' });
    expect(closed.status).toBe(200);
    expect(closed.body.report).toMatchObject({ status: 'closed', outcome: { code: 'intervention_done', note: 'Rimosse le bottiglie' } });
    expect(closed.body.report.closedAt).toEqual(expect.any(String));
  });

  it('told the citizen at each step, in their chat, worded for a citizen', async () => {
    const updates = await eventually(async () => {
      const m = (await chatMessages(app, chatId)).filter((x) => x.purpose === 'status-update');
      return m.length >= 4 && m;
    });
    const texts = updates.map((m) => m.text);
    expect(texts[0]).toMatch(/presa in carico/);
    expect(texts[1]).toContain('Le bottiglie sono sul marciapiede o nel prato?');
    expect(texts[2]).toMatch(/pattuglia è stata inviata/);
    expect(texts[3]).toMatch(/intervenuta e la segnalazione è stata chiusa/);
    for (const t of texts) {
      expect(t).toMatch(/VIC-\d{4}-\d{6}/);
      expect(t).not.toContain('Auto 12');
      expect(t).not.toContain(holderName);
      expect(t).not.toContain('Rimosse le bottiglie');
    }
  });

  it('audited every action with who, what, when and the request id', async () => {
    const events = await app.mongo.collection('audit_events').find({ reportId }).sort({ at: 1 }).toArray();
    const actions = events.filter((e) => ['take', 'ask_info', 'dispatch', 'close'].includes(e.action));
    expect(actions.map((e) => e.action)).toEqual(['take', 'ask_info', 'dispatch', 'close']);
    for (const e of actions) {
      expect(e.actor).toBe(holder === mario ? 'mario.rossi' : 'luca.bianchi');
      expect(e.actorRole).toBe('agent');
      expect(e.at).toBeInstanceOf(Date);
      expect(e.requestId).toEqual(expect.any(String));
    }
    expect(actions[2].details).toMatchObject({ from: 'in_review', to: 'dispatched', unit: 'Auto 12' });
    expect(actions[3].details).toMatchObject({ outcome: 'intervention_done', note: 'Rimosse le bottiglie' });

    const forSupervisor = await supervisor.get(`/api/audit?reportId=${reportId}`);
    expect(forSupervisor.status).toBe(200);
    expect(forSupervisor.body.events.map((e: { action: string }) => e.action)).toEqual(events.map((e) => e.action));
    const timeline = (await holder.get(`/api/reports/${reportId}`)).body.timeline;
    const texts = timeline.filter((t: { kind: string }) => t.kind === 'action').map((t: { text: string }) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Presa in carico',
        'Pattuglia inviata: Auto 12 — Passaggio entro le 11',
        'Chiusa: Intervento effettuato — Rimosse le bottiglie',
      ]),
    );
  });
});

describe('the other actions', () => {
  it('rejects with a reason, telling the citizen neutrally', async () => {
    const report = await seedReport(app);
    const res = await act(mario, report.id, { action: 'reject', version: report.version, reason: 'Segnalazione scherzosa' });
    expect(res.status).toBe(200);
    expect(res.body.report.status).toBe('rejected');
    const told = await eventually(async () => (await chatMessages(app, report.chatId)).find((m) => m.purpose === 'status-update'));
    expect(told.text).toMatch(/chiusa senza ulteriori azioni/);
    expect(told.text).not.toContain('scherzosa');
  });

  it('marks a duplicate of an existing ticket, refusing an unknown one or itself', async () => {
    const original = await seedReport(app);
    const copy = await seedReport(app);
    expect((await act(mario, copy.id, { action: 'mark_duplicate', version: copy.version, duplicateOf: 'VIC-1999-000001' })).status).toBe(
      422,
    );
    expect((await act(mario, copy.id, { action: 'mark_duplicate', version: copy.version, duplicateOf: copy.ticketCode })).status).toBe(422);
    const res = await act(mario, copy.id, {
      action: 'mark_duplicate',
      version: copy.version,
      duplicateOf: original.ticketCode.toLowerCase(),
    });
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ status: 'duplicate', duplicateOf: original.ticketCode });
    const told = await eventually(async () => (await chatMessages(app, copy.chatId)).find((m) => m.purpose === 'status-update'));
    // Merged into the original: the citizen is told which ticket they follow from now on.
    expect(told.text).toContain(original.ticketCode);
    expect((await app.storage.confirmations.get(original.id))!.followers.map((f) => f.citizenRef)).toContain(copy.citizenRef);

    const reopened = await act(luca, copy.id, { action: 'reopen', version: res.body.report.version, note: 'Non è lo stesso posto' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.report).toMatchObject({ status: 'in_review', assignee: 'Luca Bianchi' });
    // Not the same situation after all: the citizen no longer follows the original.
    expect((await app.storage.confirmations.get(original.id))!.followers.map((f) => f.citizenRef)).not.toContain(copy.citizenRef);
  });

  it('answers 422 for an action the status does not allow, and 404 for an unknown report', async () => {
    const report = await seedReport(app);
    const res = await act(mario, report.id, { action: 'close', version: report.version, outcome: 'false_alarm' });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('Azione non consentita per una segnalazione in stato «Nuova».');
    expect((await act(mario, '0123456789abcdef01234567', { action: 'take', version: 0 })).status).toBe(404);
    expect((await act(mario, report.id, { action: 'info_received', version: report.version })).status).toBe(400);
  });

  it('lets a supervisor act on a report an agent holds', async () => {
    const report = await seedReport(app);
    const taken = await act(mario, report.id, { action: 'take', version: report.version });
    const res = await act(supervisor, report.id, { action: 'dispatch', version: taken.body.report.version, unit: 'Moto 3' });
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ status: 'dispatched', assignee: 'Mario Rossi' });
  });
});

describe('the queue', () => {
  it('sorts by priority then age, filters, and counts per status', async () => {
    const low = await seedReport(app, { priority: 1, categoryId: 'street_lighting' });
    const high = await seedReport(app, { priority: 9, categoryId: 'street_lighting' });
    const highLater = await seedReport(app, { priority: 9, categoryId: 'street_lighting' });
    const res = await mario.get('/api/reports?category=street_lighting&status=new');
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([high.id, highLater.id, low.id]);
    expect(res.body.total).toBe(3);
    expect(res.body.counts.new).toBe(3);
    const newest = await mario.get('/api/reports?category=street_lighting&sort=newest&limit=1');
    expect(newest.body.items.map((r: { id: string }) => r.id)).toEqual([highLater.id]);
    expect(newest.body.total).toBe(3);
    const none = await mario.get('/api/reports?category=street_lighting&from=2000-01-01&to=2000-01-02');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('counts a new report as soon as it arrives, and a taken one at once', async () => {
    const before = (await luca.get('/api/reports')).body.counts;
    const report = await submitReportAsCitizen(app, newChatId());
    const arrived = await eventually(async () => {
      const counts = (await luca.get('/api/reports')).body.counts;
      return counts.new === before.new + 1 && counts;
    });
    const taken = await act(luca, report.id, { action: 'take', version: report.version });
    expect(taken.status).toBe(200);
    const after = (await luca.get('/api/reports')).body.counts;
    expect(after.new).toBe(arrived.new - 1);
    expect(after.in_review).toBe(arrived.in_review + 1);
  });

  it('keeps the counts of finished reports right after a report is closed', async () => {
    const before = (await mario.get('/api/reports?category=vandalism')).body.counts;
    const report = await seedReport(app, { categoryId: 'vandalism' });
    const taken = await act(mario, report.id, { action: 'take', version: report.version });
    expect(taken.status).toBe(200);
    const closed = await act(mario, report.id, { action: 'close', version: taken.body.report.version, outcome: 'nothing_found' });
    expect(closed.status).toBe(200);
    const after = await eventually(async () => {
      const counts = (await mario.get('/api/reports?category=vandalism')).body.counts;
      return counts.closed === before.closed + 1 && counts;
    });
    expect(after.new).toBe(before.new);
    const archive = await mario.get('/api/reports?category=vandalism&status=closed');
    expect(archive.body.total).toBe(after.closed);
    expect(archive.body.items.map((r: { id: string }) => r.id)).toContain(report.id);
  });

  it('describes the municipality, catalogs and service hours', async () => {
    const meta = (await mario.get('/api/meta')).body;
    expect(meta.municipality.name).toBe('Capannori');
    expect(meta.categories.length).toBeGreaterThan(5);
    expect(meta.categories[0]).toEqual({
      id: expect.any(String),
      label: expect.any(String),
      labels: { it: expect.any(String), en: expect.any(String) },
      severity: expect.any(Number),
      sensitive: expect.any(Boolean),
    });
    expect(meta.zones.length).toBeGreaterThan(0);
    expect(meta.statuses).toContain('needs_info');
    expect(meta.outcomes).toEqual(['intervention_done', 'nothing_found', 'not_our_competence', 'false_alarm']);
    expect(typeof meta.serviceHours.open).toBe('boolean');
    expect(meta.serviceHours.description).toBe('tutti i giorni 08:00-19:00 (festivi esclusi)');
    if (!meta.serviceHours.open) expect(Date.parse(meta.serviceHours.nextOpening)).toBeGreaterThan(Date.now());
  });
});
