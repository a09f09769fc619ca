/**
 * Reply templates: supervisors manage them per language and per category or outcome; agents pick
 * one when asking for details and when closing; the citizen's language picks the variant and the
 * placeholders are filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { chatMessages, eventually, loggedIn, seedReport, type PanelClient } from './panel-helpers';

let app: TestApp;
let mario: PanelClient;
let sara: PanelClient;
let askId: string;
let closeId: string;

beforeAll(async () => {
  app = await startTestApp();
  mario = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
  sara = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
});
afterAll(async () => {
  await app?.stop();
});

describe('reply templates', () => {
  it('are managed by supervisors only, with a text per language', async () => {
    const body = {
      name: 'Numero civico',
      purpose: 'ask_info',
      categoryId: 'abandoned_waste',
      texts: {
        it: 'Per la segnalazione {ticket} ({category}): ci indica il numero civico più vicino?',
        en: 'About report {ticket} ({category}): what is the nearest house number?',
      },
    };
    expect((await mario.post('/api/templates', body)).status).toBe(403);
    const created = await sara.post('/api/templates', body);
    expect(created.status).toBe(201);
    askId = created.body.template.id;
    const closing = await sara.post('/api/templates', {
      name: 'Rimozione fatta',
      purpose: 'close',
      outcome: 'intervention_done',
      texts: {
        it: 'I rifiuti sono stati rimossi dalla squadra {team}. Grazie!',
        en: 'The waste was removed by the {team} team. Thank you!',
      },
    });
    closeId = closing.body.template.id;
    expect((await sara.post('/api/templates', { ...body, texts: { it: 'solo italiano' } })).status).toBe(400);
    expect((await sara.post('/api/templates', { ...body, categoryId: 'nope' })).status).toBe(400);
    expect((await app.storage.audit.search({ actions: ['template.create'], limit: 10 })).length).toBe(2);
  });

  it("are offered for a report when they fit it, previewed in the citizen's language", async () => {
    const english = await seedReport(app, { language: 'en', categoryId: 'abandoned_waste' });
    const list = await mario.get(`/api/templates?purpose=ask_info&reportId=${english.id}`);
    expect(list.body.language).toBe('en');
    expect(list.body.templates.map((t: { preview: string }) => t.preview)).toEqual([
      `About report ${english.ticketCode} (Abandoned waste): what is the nearest house number?`,
    ]);
    const other = await seedReport(app, { categoryId: 'noise' });
    expect((await mario.get(`/api/templates?purpose=ask_info&reportId=${other.id}`)).body.templates).toEqual([]);
  });

  it('an agent asks with a template: the citizen reads it in their language', async () => {
    const english = await seedReport(app, { language: 'en', categoryId: 'abandoned_waste' });
    const taken = await mario.post(`/api/reports/${english.id}/actions`, { action: 'take', version: english.version });
    const asked = await mario.post(`/api/reports/${english.id}/actions`, {
      action: 'ask_info',
      version: taken.body.report.version,
      templateId: askId,
    });
    expect(asked.status).toBe(200);
    await eventually(async () =>
      (await chatMessages(app, english.chatId)).some((m) => m.text.includes(`About report ${english.ticketCode} (Abandoned waste)`)),
    );
    // A closing template is not a question.
    const italian = await seedReport(app, { categoryId: 'abandoned_waste' });
    const t2 = await mario.post(`/api/reports/${italian.id}/actions`, { action: 'take', version: italian.version });
    expect(
      (await mario.post(`/api/reports/${italian.id}/actions`, { action: 'ask_info', version: t2.body.report.version, templateId: closeId }))
        .status,
    ).toBe(400);
  });

  it("an agent closes with a template: the closing words follow the outcome wording, in the citizen's language", async () => {
    const report = await seedReport(app, { categoryId: 'abandoned_waste' });
    await app.storage.reports.applyTransition({
      id: report.id,
      action: 'assign',
      actor: 'sara.capo',
      set: { team: 'ambiente' },
      reason: 'competenza',
    });
    const fresh = (await app.storage.reports.get(report.id))!;
    const taken = await mario.post(`/api/reports/${report.id}/actions`, { action: 'take', version: fresh.version });
    // The template is for "intervention done" only.
    expect(
      (
        await mario.post(`/api/reports/${report.id}/actions`, {
          action: 'close',
          version: taken.body.report.version,
          outcome: 'nothing_found',
          templateId: closeId,
        })
      ).status,
    ).toBe(400);
    const closed = await mario.post(`/api/reports/${report.id}/actions`, {
      action: 'close',
      version: taken.body.report.version,
      outcome: 'intervention_done',
      templateId: closeId,
    });
    expect(closed.status).toBe(200);
    const last = await eventually(async () => (await chatMessages(app, report.chatId)).find((m) => m.text.includes('rimossi')));
    expect(last.text).toContain('«I rifiuti sono stati rimossi dalla squadra Nucleo ambiente ed edilizia. Grazie!»');
    expect(last.text).toContain(report.ticketCode);
  });
});
