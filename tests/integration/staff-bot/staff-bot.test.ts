/**
 * The staff bot against a protocol-level fake of the Bot API (its own token, not the citizens'):
 * an operator links their Telegram account with a one-time code from the panel; an agent dispatches
 * a report to that patrol's phone (with the photo when chosen); the patrol answers with buttons —
 * accepted, on site, closed with an outcome — and with a note as a reply; each moves the report, its
 * timeline and the citizen exactly as the panel does. Unlinking and disabling revoke at once. The
 * on-call officer is paged outside service hours with no personal data of the citizen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeCitizen, type FakeTelegram, type Json, type Update } from '../../support/fake-telegram-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import { makeJpeg } from '../../support/report-script';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import { pageOnCallForEmergency, pageOnCallForUrgentReports } from '../../../src/app/staff/page-on-call';
import { reportNaming } from '../../../src/app/staff/report-naming';
import { loadMunicipalityProfile } from '../../../config/municipality';
import { PanelClient, addOperator, chatMessages, citizenSays, eventually, loggedIn, newChatId, openLiveStream, seedReport } from '../panel/panel-helpers';

const STAFF_TOKEN = '987654321:STAFF-token_for-the-fake';

let fake: FakeTelegram;
let app: TestApp;
let agent: PanelClient;
let supervisor: PanelClient;

const sent = (chatId: number) => fake.calls.filter((c) => c.status === 200 && String(c.params.chat_id) === String(chatId));
const textsTo = (chatId: number) => sent(chatId).filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text));
const lastKeyboard = (chatId: number): Array<{ text: string; callback_data: string }> => {
  const withKeyboard = sent(chatId).filter((c) => c.method === 'sendMessage' && c.params.reply_markup);
  const markup = withKeyboard.at(-1)?.params.reply_markup;
  const parsed = typeof markup === 'string' ? JSON.parse(markup) : markup;
  return parsed?.inline_keyboard?.flat() ?? [];
};
const editedKeyboard = (messageId?: number): Array<{ text: string; callback_data: string }> => {
  const edits = fake.callsOf('editMessageReplyMarkup').filter((c) => c.status === 200 && (!messageId || Number(c.params.message_id) === messageId));
  const markup = edits.at(-1)?.params.reply_markup;
  const parsed = typeof markup === 'string' ? JSON.parse(markup) : markup;
  return parsed?.inline_keyboard?.flat() ?? [];
};
const answers = () => fake.callsOf('answerCallbackQuery').map((c) => String(c.params.text ?? ''));

/** A patrol officer: a panel account and a phone on the fake Telegram, linked through a code. */
async function linkedPatrol(username: string, displayName: string): Promise<{ phone: FakeCitizen; panel: PanelClient }> {
  const panel = await loggedIn(app, username, 'agent', displayName);
  const phone = fake.citizen({ firstName: displayName.split(' ')[0] });
  const code = await panel.post('/api/staff/me/code');
  expect(code.status).toBe(201);
  expect(code.body.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  fake.push(phone.text(`/start ${code.body.code}`));
  await eventually(async () => textsTo(phone.chatId).some((t) => t.includes(`Account collegato: ${displayName}`)));
  expect((await panel.get('/api/staff/me')).body).toMatchObject({ enabled: true, linked: true });
  return { phone, panel };
}

const press = (phone: FakeCitizen, data: string, messageId = 1) => fake.push(phone.callback(data, messageId));

beforeAll(async () => {
  fake = await startFakeTelegram(STAFF_TOKEN);
  app = await startTestApp(
    { STAFF_TELEGRAM_BOT_TOKEN: STAFF_TOKEN, STAFF_TELEGRAM_API_ROOT: fake.apiRoot, PUBLIC_URL: 'https://panel.comune.example' },
    { staffBot: { tickMs: 150, pagerEveryMs: 3_600_000, pollTimeoutSeconds: 1 } },
  );
  agent = await loggedIn(app, 'centrale.uno', 'agent', 'Carla Centrale');
  supervisor = await loggedIn(app, 'capo.turno', 'supervisor', 'Capo Turno');
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('linking a Telegram account', () => {
  it('a code from the panel links the chat once; a wrong, spent or expired code does not', async () => {
    const stranger = fake.citizen();
    fake.push(stranger.text('ABCDEFGH'));
    await eventually(async () => textsTo(stranger.chatId).some((t) => /non valido o scaduto/.test(t)));

    const panel = await loggedIn(app, 'link.prova', 'agent', 'Lina Prova');
    const { body } = await panel.post('/api/staff/me/code');
    const phone = fake.citizen();
    fake.push(phone.text(body.code.slice(0, 4) + '-' + body.code.slice(4).toLowerCase()));
    await eventually(async () => textsTo(phone.chatId).some((t) => t.includes('Account collegato: Lina Prova')));
    // The same code a second time (someone who saw the screen): refused.
    const other = fake.citizen();
    fake.push(other.text(body.code));
    await eventually(async () => textsTo(other.chatId).some((t) => /non valido o scaduto/.test(t)));

    const audit = await app.storage.audit.search({ actions: ['staff.link_code', 'staff.linked'], actor: 'link.prova', limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['staff.link_code', 'staff.linked']);
    // The code is kept only as a hash, and the chat id only encrypted.
    const stored = JSON.stringify(await app.mongo.collection('operators').findOne({ username: 'link.prova' }));
    expect(stored).not.toContain(String(phone.chatId));
    expect(stored).not.toContain(body.code);
  });

  it('an expired code is refused', async () => {
    const panel = await loggedIn(app, 'scaduto.uno', 'agent', 'Sca Duto');
    const { body } = await panel.post('/api/staff/me/code');
    await app.mongo.collection('operators').updateOne({ username: 'scaduto.uno' }, { $set: { 'staffLinkCode.expiresAt': new Date(Date.now() - 1000) } });
    const phone = fake.citizen();
    fake.push(phone.text(body.code));
    await eventually(async () => textsTo(phone.chatId).some((t) => /non valido o scaduto/.test(t)));
    expect((await panel.get('/api/staff/me')).body.linked).toBe(false);
  });
});

describe('a dispatch on the patrol phone', () => {
  it('carries ticket, category, place with a map pin, when observed, description and the chosen photo; the unit answers with buttons', async () => {
    const { phone } = await linkedPatrol('pattuglia.sette', 'Pattuglia Sette');
    expect((await agent.get('/api/staff/units')).body.units).toContainEqual({ username: 'pattuglia.sette', displayName: 'Pattuglia Sette' });

    const media = createDiskMediaStore(app.config.MEDIA_DIR, app.config.MEDIA_MAX_BYTES, app.config.MEDIA_MAX_PIXELS);
    const photo = await media.saveImage(await makeJpeg());
    if (!photo.ok) throw new Error('photo not saved');
    const report = await seedReport(app, {
      photoRefs: [photo.ref],
      description: 'Auto in sosta sul marciapiede davanti alla scuola',
      observedWhen: { text: 'tutte le mattine', kind: 'recurring', every: 'morning' },
    });
    let r = await agent.post(`/api/reports/${report.id}/actions`, { action: 'take', version: report.version });
    expect(r.status).toBe(200);
    r = await agent.post(`/api/reports/${report.id}/actions`, {
      action: 'dispatch',
      version: r.body.report.version,
      unit: 'Pattuglia 7',
      note: 'passare dal retro',
      unitOperator: 'pattuglia.sette',
      sendPhoto: true,
    });
    expect(r.status).toBe(200);

    const dispatch = await eventually(async () => textsTo(phone.chatId).find((t) => t.includes(report.ticketCode)));
    expect(dispatch).toContain('Categoria: Rifiuti abbandonati'.split(':')[0]);
    expect(dispatch).toContain('Piazza Aldo Moro, Capannori');
    expect(dispatch).toContain('Auto in sosta sul marciapiede davanti alla scuola');
    expect(dispatch).toContain('Quando (parole del cittadino): tutte le mattine');
    expect(dispatch).toContain('Nota della centrale: passare dal retro');
    expect(dispatch).toContain(`https://panel.comune.example/reports/${report.id}`);
    await eventually(async () => sent(phone.chatId).some((c) => c.method === 'sendPhoto'));
    const venue = sent(phone.chatId).find((c) => c.method === 'sendVenue')!;
    expect(Number(venue.params.latitude)).toBeCloseTo(43.8414, 4);
    expect(lastKeyboard(phone.chatId).map((b) => b.text)).toEqual(['👍 Presa in carico', '✅ Chiudi…', '📝 Nota']);
    // Sending the photo off the panel is audited with its reason.
    const photoAudit = (await app.storage.audit.listForReport(report.id)).find((e) => e.action === 'photo.sent_to_unit');
    expect(photoAudit?.reason).toContain('pattuglia.sette');

    // Accepted: on the timeline, the buttons move on; a double tap changes nothing.
    const accept = lastKeyboard(phone.chatId).find((b) => b.text.includes('Presa in carico'))!.callback_data;
    press(phone, accept);
    press(phone, accept);
    await eventually(async () => (await app.storage.audit.listForReport(report.id)).some((e) => e.action === 'unit_accepted'));
    await eventually(async () => answers().some((a) => a.includes('Già registrato')));
    expect((await app.storage.audit.listForReport(report.id)).filter((e) => e.action === 'unit_accepted')).toHaveLength(1);
    expect(editedKeyboard().map((b) => b.text)).toContain('📍 Sul posto');

    // On site, then a note written as a reply to the dispatch message.
    press(phone, editedKeyboard().find((b) => b.text.includes('Sul posto'))!.callback_data);
    await eventually(async () => (await app.storage.audit.listForReport(report.id)).some((e) => e.action === 'unit_on_site'));
    const dispatchMessageId = (sent(phone.chatId).find((c) => c.method === 'sendMessage' && String(c.params.text).includes(report.ticketCode))!
      .result as Json).message_id as number;
    const reply: Update = phone.text('Veicolo rimosso dal carro attrezzi, proprietario avvisato @centrale.uno');
    (reply.message as Json).reply_to_message = { message_id: dispatchMessageId };
    fake.push(reply);
    await eventually(async () => textsTo(phone.chatId).some((t) => t.includes(`Nota aggiunta a ${report.ticketCode}`)));
    const forMe = await agent.get('/api/notes/for-me');
    expect(forMe.body.notes.map((n: Json) => n.text)).toContain('Veicolo rimosso dal carro attrezzi, proprietario avvisato @centrale.uno');

    // Close with one of the panel's outcomes: the report is closed and the citizen told, as from the panel.
    press(phone, editedKeyboard().find((b) => b.text.includes('Chiudi'))!.callback_data);
    await eventually(async () => editedKeyboard().some((b) => b.text === 'Intervento effettuato'));
    press(phone, editedKeyboard().find((b) => b.text === 'Intervento effettuato')!.callback_data);
    await eventually(async () => (await app.storage.reports.get(report.id))?.status === 'closed');
    const closed = (await app.storage.reports.get(report.id))!;
    expect(closed.outcome?.code).toBe('intervention_done');
    const citizen = await eventually(async () => (await chatMessages(app, report.chatId)).find((m) => /è intervenuta/.test(m.text)));
    expect(citizen.text).toContain(report.ticketCode);
    expect(citizen.text).not.toMatch(/Pattuglia|pattuglia\.sette/);

    const timeline = (await agent.get(`/api/reports/${report.id}`)).body.timeline.map((t: Json) => t.action).filter(Boolean);
    expect(timeline).toEqual(expect.arrayContaining(['dispatch', 'staff.dispatch_sent', 'unit_accepted', 'unit_on_site', 'close']));
    const closeEntry = (await app.storage.audit.listForReport(report.id)).find((e) => e.action === 'close');
    expect(closeEntry?.actor).toBe('pattuglia.sette');
  });

  it('an agent cannot dispatch to a phone that is not linked', async () => {
    await addOperator(app, 'senza.telefono', 'agent');
    const report = await seedReport(app);
    const taken = await agent.post(`/api/reports/${report.id}/actions`, { action: 'take', version: report.version });
    const r = await agent.post(`/api/reports/${report.id}/actions`, {
      action: 'dispatch',
      version: taken.body.report.version,
      unit: 'Pattuglia 2',
      unitOperator: 'senza.telefono',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('senza.telefono');
    expect((await app.storage.reports.get(report.id))?.status).toBe('in_review');
  });

  it('only the unit the report was dispatched to can act on it; unlinking and disabling revoke at once', async () => {
    const unit = await linkedPatrol('pattuglia.otto', 'Pattuglia Otto');
    const intruder = await linkedPatrol('pattuglia.nove', 'Pattuglia Nove');
    const report = await seedReport(app);
    const taken = await agent.post(`/api/reports/${report.id}/actions`, { action: 'take', version: report.version });
    await agent.post(`/api/reports/${report.id}/actions`, {
      action: 'dispatch',
      version: taken.body.report.version,
      unit: 'Pattuglia 8',
      unitOperator: 'pattuglia.otto',
    });
    await eventually(async () => lastKeyboard(unit.phone.chatId).length > 0);
    const accept = lastKeyboard(unit.phone.chatId).find((b) => b.text.includes('Presa in carico'))!.callback_data;

    // Another linked patrol replaying the button's data: refused.
    press(intruder.phone, accept);
    await eventually(async () => answers().some((a) => a.includes('non è (più) assegnato a te')));

    // Unlinked from the panel: the next button is refused at once.
    expect((await unit.panel.request('DELETE', '/api/staff/me')).status).toBe(204);
    press(unit.phone, accept);
    await eventually(async () => answers().filter((a) => a.includes('non è collegato a un operatore attivo')).length >= 1);

    // Linked again, then disabled by an admin: refused too.
    const code = await unit.panel.post('/api/staff/me/code');
    fake.push(unit.phone.text(code.body.code));
    await eventually(async () => (await unit.panel.get('/api/staff/me')).body.linked === true);
    const before = answers().filter((a) => a.includes('non è collegato')).length;
    await app.storage.operators.setDisabled('pattuglia.otto', true);
    press(unit.phone, accept);
    await eventually(async () => answers().filter((a) => a.includes('non è collegato')).length > before);

    const audit = await app.storage.audit.listForReport(report.id);
    expect(audit.some((e) => e.action === 'unit_accepted')).toBe(false);
    expect((await app.mongo.collection('audit_events').countDocuments({ action: 'staff.unlinked', 'details.operator': 'pattuglia.otto' }))).toBe(1);
  });
});

describe('paging the on-call officer outside service hours', () => {
  it('urgent reports and emergency-like messages page the linked on-call officer with no personal data', async () => {
    const officer = await linkedPatrol('reperibile.uno', 'Reperibile Uno');
    const notOnCall = await linkedPatrol('riposo.uno', 'Riposo Uno');
    expect((await agent.request('PUT', '/api/staff/operators/reperibile.uno/on-call', { body: { onCall: true } })).status).toBe(403);
    expect((await supervisor.request('PUT', '/api/staff/operators/reperibile.uno/on-call', { body: { onCall: true } })).status).toBe(204);

    const urgent = await seedReport(app, { priority: 85, description: 'Mario Bianchi di via Roma 3 spaccia sotto casa', categoryId: 'abandoned_waste' });
    const calm = await seedReport(app, { priority: 10 });
    const profile = loadMunicipalityProfile(app.config.MUNICIPALITY);
    const deps = {
      links: app.storage.staffLinks,
      outbox: app.storage.staffOutbox,
      naming: reportNaming({ zoneNames: new Map(), publicUrl: 'https://panel.comune.example' }),
      reports: app.storage.reports,
      serviceHours: profile.serviceHours,
      threshold: app.config.PANEL_ALERT_PRIORITY,
    };
    // The first moment the service is closed within the next 12 hours (the reports were just made);
    // while it is open nothing is paged.
    const { isOpen } = await import('../../../src/domain/service-hours');
    let night = new Date(Date.now() + 60_000);
    while (isOpen(profile.serviceHours, night)) night = new Date(night.getTime() + 15 * 60_000);
    expect(night.getTime() - Date.now()).toBeLessThan(12 * 3600_000);
    const open = new Date(night.getTime());
    while (!isOpen(profile.serviceHours, open)) open.setTime(open.getTime() - 15 * 60_000);
    expect(await pageOnCallForUrgentReports(deps, open)).toBe(0);
    expect(await pageOnCallForUrgentReports(deps, night)).toBeGreaterThanOrEqual(1);
    // A second pass queues nothing new (one page per report and officer).
    expect(await pageOnCallForUrgentReports(deps, night)).toBe(0);

    const page = await eventually(async () => textsTo(officer.phone.chatId).find((t) => t.includes(urgent.ticketCode)));
    expect(page).toMatch(/Segnalazione urgente fuori orario/);
    expect(page).toContain('Priorità: 85');
    expect(page).toContain(`https://panel.comune.example/reports/${urgent.id}`);
    expect(page).not.toContain('Mario Bianchi');
    expect(page).not.toContain(String(urgent.chatId));
    expect(textsTo(officer.phone.chatId).some((t) => t.includes(calm.ticketCode))).toBe(false);
    expect(textsTo(notOnCall.phone.chatId).some((t) => t.includes(urgent.ticketCode))).toBe(false);

    await pageOnCallForEmergency(deps, { channel: 'whatsapp-cloud', messageId: 'wamid.EMERGENZA1', at: night });
    await pageOnCallForEmergency(deps, { channel: 'whatsapp-cloud', messageId: 'wamid.EMERGENZA1', at: night });
    await eventually(async () => textsTo(officer.phone.chatId).some((t) => /sembra un’emergenza/.test(t)));
    await new Promise((r) => setTimeout(r, 500));
    expect(textsTo(officer.phone.chatId).filter((t) => /sembra un’emergenza/.test(t))).toHaveLength(1);
  });
});

describe('an emergency-like message', () => {
  it('alerts every open panel live, with nothing about the citizen', async () => {
    const stream = await openLiveStream(agent);
    try {
      const chatId = newChatId();
      const replies = await citizenSays(app, chatId, 'aiuto, la casa dei vicini è in fiamme');
      expect(replies.join('\n')).toContain('112');
      const event = await stream.waitFor('citizen.emergency', () => true);
      expect(event).toEqual({ channel: 'simulator' });
    } finally {
      stream.close();
    }
  });
});

describe('without the staff bot', () => {
  it('linking is refused with an explanation and dispatch works as before', async () => {
    const plain = await startTestApp();
    try {
      const c = await loggedIn(plain, 'solo.pannello', 'agent');
      const r = await c.post('/api/staff/me/code');
      expect(r.status).toBe(409);
      expect(r.body.error).toContain('STAFF_TELEGRAM_BOT_TOKEN');
      expect((await c.get('/api/staff/units')).body.units).toEqual([]);
    } finally {
      await plain.stop();
    }
  });
});

