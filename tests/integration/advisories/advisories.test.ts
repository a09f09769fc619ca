/**
 * Advisories to area-alert subscribers, end to end: citizens subscribe through the bot (simulator),
 * a supervisor sends an advisory to their zone (accepted at once, sent by a background job), it
 * arrives in their chats through the outbound queues, and the panel shows the send's state and
 * counts the deliveries. A WhatsApp (Cloud API) subscriber outside the 24-hour window gets nothing,
 * counted as undeliverable (no template configured).
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_ADVISORIES } from '../../../src/queue/queue-names';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings } from '../whatsapp-cloud/meta-webhook';
import { chatMessages, eventually, loggedIn, newChatId, refOf, type PanelClient } from '../panel/panel-helpers';
import { say } from '../../support/simulator-citizen';
import { advisoryListed } from './advisory-helpers';

let graph: FakeGraphApi;
let app: TestApp;
let supervisor: PanelClient;
let admin: PanelClient;
let agent: PanelClient;
let redis: Redis;
beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  app = await startTestApp(cloudSettings(graph.base));
  supervisor = await loggedIn(app, 'sara.capo', 'supervisor', 'Sara Capo');
  admin = await loggedIn(app, 'ada.admin', 'admin', 'Ada Admin');
  agent = await loggedIn(app, 'mario.rossi', 'agent', 'Mario Rossi');
  redis = new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis?.quit();
  await app?.stop();
  await graph?.close();
});

const advisoriesOf = async (chatId: string) => (await chatMessages(app, chatId)).filter((m) => m.purpose === 'advisory').map((m) => m.text);

/** The citizen turns on alerts for a zone through the bot's "avvisi" menu. */
async function subscribeToZone(chatId: string, zoneName: string) {
  await say(app, chatId, 'Buongiorno');
  await say(app, chatId, 'Accetto');
  expect((await say(app, chatId, 'avvisi')).join('\n')).toContain('Avvisi di zona');
  expect((await say(app, chatId, 'Una zona')).join('\n')).toContain('Quale zona?');
  expect((await say(app, chatId, zoneName)).join('\n')).toContain(`Fatto! Ti scriverò qui gli avvisi del Comune per: zona ${zoneName}`);
}

describe('advisories to area-alert subscribers', () => {
  const lammari = newChatId();
  const lammariTwice = newChatId();
  const marlia = newChatId();
  const whatsappNumber = '393470001234';
  const text = 'Attenzione: in questi giorni finti tecnici del gas suonano alle porte. Non fateli entrare e chiamate il 112.';
  let advisoryId: string;

  it('reaches the subscribers of the chosen zone once per chat, and nobody else', async () => {
    await subscribeToZone(lammari, 'Lammari');
    await subscribeToZone(lammariTwice, 'Lammari');
    // A second subscription of the same chat in the same zone: a place near home, by pin and radius.
    await say(app, lammariTwice, 'avvisi');
    await say(app, lammariTwice, 'Vicino a un luogo');
    const pin = await fetch(`${app.url}/api/simulator/chats/${lammariTwice}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ location: { lat: 43.868, lng: 10.555 } }),
    });
    expect(pin.status).toBe(200);
    expect((await say(app, lammariTwice, '500 m')).join('\n')).toContain('Fatto!');
    expect((await app.storage.subscriptions.findForZones(['lammari'])).filter((s) => s.citizenRef === refOf(app, lammariTwice))).toHaveLength(2);
    await subscribeToZone(marlia, 'Marlia');
    // A WhatsApp subscriber whose 24-hour window is closed (stored directly: the Cloud API dialog is not under test here).
    const whatsappRef = refOf(app, whatsappNumber, 'whatsapp-cloud');
    await app.storage.identities.upsertFromInbound(whatsappRef, {
      channel: 'whatsapp-cloud',
      chatId: whatsappNumber,
      messageId: `wamid.${randomUUID()}`,
      receivedAt: new Date(Date.now() - 3 * 86_400_000),
      sender: { platformId: whatsappNumber, phone: whatsappNumber },
      payload: { kind: 'text', text: 'ciao' },
    });
    await app.storage.subscriptions.add({
      citizenRef: whatsappRef,
      channel: 'whatsapp-cloud',
      language: 'it',
      kind: 'zone',
      zoneId: 'lammari',
      sourceMessageKey: `test:${randomUUID()}`,
    });

    // Accepted at once: the fan-out to the subscribers runs in the background.
    const res = await supervisor.post('/api/advisories', { zones: ['lammari'], text });
    expect(res.status).toBe(202);
    expect(res.body.advisory).toMatchObject({ id: expect.any(String), zones: ['lammari'], text, author: 'sara.capo', state: 'sending', createdAt: expect.any(String) });
    advisoryId = res.body.advisory.id;
    // What the supervisor's list shows once the background send is done.
    const done = await advisoryListed(supervisor, advisoryId, (a) => a.state === 'sent');
    expect(done).toMatchObject({ state: 'sent', recipients: 3, failedRecipients: 0, finishedAt: expect.any(String) });

    for (const chat of [lammari, lammariTwice]) {
      const got = await eventually(async () => {
        const m = await advisoriesOf(chat);
        return m.length > 0 && m;
      });
      expect(got).toHaveLength(1);
      expect(got[0]).toContain('Avviso del Comune di Capannori per la zona Lammari');
      expect(got[0]).toContain(text);
      expect(got[0]).toContain('«STOP»');
    }
    expect(await advisoriesOf(marlia)).toEqual([]);
  });

  it('shows the supervisor the delivery counts, WhatsApp’s closed window as undeliverable', async () => {
    const listed = await eventually(async () => {
      const res = await supervisor.get('/api/advisories');
      const item = res.body.items?.find((a: { id: string }) => a.id === advisoryId);
      return item && item.delivery.sent === 2 && item.delivery.undeliverable === 1 && item;
    }, 20_000);
    expect(listed).toMatchObject({ zones: ['lammari'], zoneNames: ['Lammari'], text, author: 'sara.capo', authorName: 'Sara Capo', state: 'sent', recipients: 3 });
    expect(listed.delivery).toEqual({ queued: 0, sent: 2, delivered: 0, read: 0, failed: 0, undeliverable: 1 });
    expect(graph.sentTo(whatsappNumber)).toEqual([]);
  });

  it('is audited with who sent what to which zones', async () => {
    const audit = await app.mongo.collection('audit_events').find({ action: 'advisory.send' }).toArray();
    expect(audit).toEqual([expect.objectContaining({ actor: 'sara.capo', actorRole: 'supervisor', details: { advisoryId, zones: ['lammari'] } })]);
  });

  it('sends a retried POST (same Idempotency-Key) once, with one background job', async () => {
    const key = randomUUID();
    const body = { zones: ['marlia', 'lammari', 'marlia'], text: 'Via Romana chiusa per un incidente fino alle 18.' };
    const send = () => admin.request('POST', '/api/advisories', { body, headers: { 'Idempotency-Key': key } });
    // The retry arrives while the first is still in flight.
    const [first, again] = await Promise.all([send(), send()]);
    for (const r of [first, again]) expect([200, 202]).toContain(r.status);
    expect(first.body.advisory.zones).toEqual(['marlia', 'lammari']);
    expect(again.body.advisory.id).toBe(first.body.advisory.id);
    const id = first.body.advisory.id;
    expect(await advisoryListed(admin, id, (a) => a.state === 'sent')).toMatchObject({ recipients: 4 });
    // A late retry, after the send is done: the same advisory, nothing sent again.
    const late = await send();
    expect(late.status).toBe(200);
    expect(late.body.advisory).toMatchObject({ id, state: 'sent', recipients: 4 });
    const queue = new Queue(QUEUE_ADVISORIES, { connection: redis, prefix: app.config.REDIS_PREFIX });
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    await queue.close();
    expect(jobs.filter((j) => j.data.advisoryId === id)).toHaveLength(1);
    const audit = await app.mongo.collection('audit_events').find({ action: 'advisory.send', 'details.advisoryId': id }).toArray();
    expect(audit.map((a) => a.details.retry ?? false).sort()).toEqual([false, true, true]);
    const marliaGot = await eventually(async () => {
      const m = await advisoriesOf(marlia);
      return m.length > 0 && m;
    });
    expect(marliaGot).toHaveLength(1);
    expect(marliaGot[0]).toContain('per la zona Marlia');
    expect((await advisoriesOf(lammari)).filter((t) => t.includes('Via Romana'))).toHaveLength(1);
  });

  it('is for supervisors and admins only', async () => {
    expect((await agent.post('/api/advisories', { zones: ['lammari'], text: 'prova' })).status).toBe(403);
    expect((await agent.get('/api/advisories')).status).toBe(403);
    expect((await admin.get('/api/advisories')).status).toBe(200);
  });

  it.each([
    [{ zones: [], text: 'ciao' }, 'zone'],
    [{ zones: ['atlantide'], text: 'ciao' }, 'unknown zone'],
    [{ zones: 'lammari', text: 'ciao' }, 'zones'],
    [{ zones: ['lammari'], text: '   ' }, 'text'],
    [{ zones: ['lammari'], text: 'x'.repeat(1001) }, '1000'],
    [{ zones: ['lammari'] }, 'text'],
    [{ zones: ['lammari'], text: 'ciao', everyone: true }, 'everyone'],
  ])('refuses a bad body %j with a reason', async (body, reason) => {
    const res = await supervisor.post('/api/advisories', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(reason);
  });

  it('refuses a malformed Idempotency-Key and a bad page', async () => {
    const res = await supervisor.request('POST', '/api/advisories', { body: { zones: ['lammari'], text: 'ciao' }, headers: { 'Idempotency-Key': 'a b' } });
    expect(res.status).toBe(400);
    expect((await supervisor.get('/api/advisories?limit=1000')).status).toBe(400);
  });
});
