/**
 * Teams and hand-over: a report is assigned to an operator (it joins their team) or to a team,
 * reassigned with a reason, handed back to the queue; the queue filters "mine", "my team" and
 * "unassigned"; every move is audited and on the timeline; the citizen is not told who.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperatorAccount } from '../../../src/panel/operator-accounts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PASSWORD, PanelClient, chatMessages, seedReport } from './panel-helpers';

let app: TestApp;
let mario: PanelClient; // centrale
let giulia: PanelClient; // pattuglie
let sara: PanelClient; // supervisor, centrale

async function member(username: string, displayName: string, role: 'agent' | 'supervisor', team: string) {
  const r = await createOperatorAccount(app.storage.operators, { username, displayName, role, team, password: PASSWORD });
  if (!r.ok) throw new Error(r.detail);
  const c = new PanelClient(app.url);
  expect((await c.login(username, PASSWORD)).status).toBe(200);
  return c;
}
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);
const act = (c: PanelClient, id: string, body: Record<string, unknown>) => c.post(`/api/reports/${id}/actions`, body);

beforeAll(async () => {
  app = await startTestApp();
  mario = await member('mario.rossi', 'Mario Rossi', 'agent', 'centrale');
  giulia = await member('giulia.bianchi', 'Giulia Bianchi', 'agent', 'pattuglie');
  sara = await member('sara.capo', 'Sara Capo', 'supervisor', 'centrale');
});
afterAll(async () => {
  await app?.stop();
});

describe('assigning reports', () => {
  it('to an operator: the report joins their team, shows in their "mine", the citizen is not told who', async () => {
    const report = await seedReport(app);
    const res = await act(sara, report.id, {
      action: 'assign',
      version: report.version,
      assignee: 'giulia.bianchi',
      reason: 'zona di competenza delle pattuglie',
    });
    expect(res.status).toBe(200);
    expect(res.body.report).toMatchObject({ assigneeUsername: 'giulia.bianchi', team: 'pattuglie', teamName: 'Pattuglie', status: 'new' });
    expect(ids(await giulia.get('/api/reports?assigned=mine'))).toContain(report.id);
    expect(ids(await mario.get('/api/reports?assigned=mine'))).not.toContain(report.id);
    expect(ids(await mario.get('/api/reports?assigned=team'))).not.toContain(report.id);
    expect(ids(await giulia.get('/api/reports?assigned=team'))).toContain(report.id);
    expect(ids(await mario.get('/api/reports?assigned=unassigned'))).not.toContain(report.id);
    const detail = await giulia.get(`/api/reports/${report.id}`);
    const entry = detail.body.timeline.find((t: { action?: string }) => t.action === 'assign');
    expect(entry.text).toBe('Assegnata: Giulia Bianchi, Pattuglie — zona di competenza delle pattuglie');
    expect(entry.actor).toBe('Sara Capo');
    const audit = (await app.storage.audit.listForReport(report.id)).filter((e) => e.action === 'assign');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'sara.capo',
        reason: 'zona di competenza delle pattuglie',
        details: expect.objectContaining({ to: 'giulia.bianchi', team: 'pattuglie' }),
      }),
    ]);
    expect(await chatMessages(app, report.chatId)).toEqual([]);
  });

  it('to a team as a whole, and refuses unknown operators and teams', async () => {
    const report = await seedReport(app);
    expect((await act(sara, report.id, { action: 'assign', version: report.version, team: 'nessuna', reason: 'prova prova' })).status).toBe(
      400,
    );
    expect(
      (await act(sara, report.id, { action: 'assign', version: report.version, assignee: 'chi.sei', reason: 'prova prova' })).status,
    ).toBe(400);
    expect(
      (
        await act(sara, report.id, {
          action: 'assign',
          version: report.version,
          assignee: 'mario.rossi',
          team: 'centrale',
          reason: 'x y z',
        })
      ).status,
    ).toBe(400);
    const res = await act(sara, report.id, {
      action: 'assign',
      version: report.version,
      team: 'ambiente',
      reason: 'rifiuti: nucleo ambiente',
    });
    expect(res.body.report).toMatchObject({ team: 'ambiente' });
    expect(res.body.report.assigneeUsername).toBeUndefined();
    expect(ids(await mario.get('/api/reports?assigned=unassigned'))).toContain(report.id);
  });

  it('a holder reassigns to a colleague with a reason; others cannot take it from them', async () => {
    const report = await seedReport(app);
    const taken = await act(mario, report.id, { action: 'take', version: report.version });
    expect(taken.status).toBe(200);
    // Giulia cannot reassign what Mario holds.
    expect(
      (
        await act(giulia, report.id, {
          action: 'assign',
          version: taken.body.report.version,
          assignee: 'giulia.bianchi',
          reason: 'la prendo io',
        })
      ).status,
    ).toBe(409);
    const moved = await act(mario, report.id, {
      action: 'assign',
      version: taken.body.report.version,
      assignee: 'giulia.bianchi',
      reason: 'fine turno, passo a Giulia',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.report).toMatchObject({ status: 'in_review', assigneeUsername: 'giulia.bianchi', team: 'pattuglie' });
  });

  it('the holder hands a report back to the queue: nobody holds it, the citizen is not told', async () => {
    const report = await seedReport(app);
    const taken = await act(mario, report.id, { action: 'take', version: report.version });
    const before = (await chatMessages(app, report.chatId)).length;
    const released = await act(mario, report.id, {
      action: 'release',
      version: taken.body.report.version,
      reason: 'serve un collega con la moto',
    });
    expect(released.status).toBe(200);
    expect(released.body.report.status).toBe('new');
    expect(released.body.report.assigneeUsername).toBeUndefined();
    expect(ids(await giulia.get('/api/reports?assigned=unassigned'))).toContain(report.id);
    // Anyone may take it again.
    expect((await act(giulia, report.id, { action: 'take', version: released.body.report.version })).status).toBe(200);
    // Taking it told the citizen once more (a take is public); the hand-back did not.
    const messages = await chatMessages(app, report.chatId);
    expect(messages.slice(before).filter((m) => /coda|queue/i.test(m.text))).toEqual([]);
    expect((await app.storage.audit.listForReport(report.id)).filter((e) => e.action === 'release')).toEqual([
      expect.objectContaining({ actor: 'mario.rossi', reason: 'serve un collega con la moto' }),
    ]);
  });
});

describe('teams in the panel', () => {
  it('are listed with the active operators for the assignment form, and admins move operators between teams', async () => {
    const meta = await mario.get('/api/meta');
    expect(meta.body.teams.map((t: { id: string }) => t.id)).toEqual(['centrale', 'pattuglie', 'ambiente']);
    expect(meta.body.operators).toContainEqual({ username: 'giulia.bianchi', displayName: 'Giulia Bianchi', team: 'pattuglie' });
    const admin = await member('admin.uno', 'Admin Uno', 'supervisor', 'centrale');
    expect((await admin.post('/api/admin/operators/mario.rossi/team', { team: 'pattuglie' })).status).toBe(403);
    await app.storage.operators.update('admin.uno', { role: 'admin' });
    const again = new PanelClient(app.url);
    await again.login('admin.uno', PASSWORD);
    expect((await again.post('/api/admin/operators/mario.rossi/team', { team: 'nessuna' })).status).toBe(400);
    expect((await again.post('/api/admin/operators/mario.rossi/team', { team: 'pattuglie' })).status).toBe(204);
    expect((await app.storage.operators.findByUsername('mario.rossi'))?.team).toBe('pattuglie');
  });
});
