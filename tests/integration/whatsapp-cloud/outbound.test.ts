/**
 * Sending through the Cloud API from the real outbound queue: status updates and the 24-hour
 * window (with and without an approved template), Meta's re-engagement refusal, throttling.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/domain/message';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, waMessage } from './meta-webhook';
import { waitFor } from './wait-for';
import { storedKeys } from '../../support/stored-keys';

const HOUR = 3600_000;
const STATUS_TEXT =
  'Aggiornamento sulla segnalazione VIC-2026-000042:\nuna pattuglia è stata inviata sul posto.\n\nGrazie per la collaborazione.';

let counter = 0;
const newCitizen = () => ({ waId: `39347${String(2_000_000 + counter++).padStart(7, '0')}`, name: 'Maria Rossi' });

/** A citizen who wrote `hoursAgo` hours ago (their message is stored through the webhook first). */
async function citizenWhoWrote(app: TestApp, graph: FakeGraphApi, hoursAgo: number) {
  const citizen = newCitizen();
  const msg = waMessage.text('Buongiorno');
  expect((await postWebhook(app.url, messagesNotification(citizen, msg))).status).toBe(200);
  await graph.waitForSent(citizen.waId, 1); // the dialog's answer, inside the window
  await waitFor(async () =>
    (await app.storage.outbound.listForChat('whatsapp-cloud', citizen.waId)).every((r) => r.state === 'sent') ? true : undefined,
  );
  if (hoursAgo > 0) {
    const citizenRef = citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId);
    await app.storage.identities.upsertFromInbound(citizenRef, {
      channel: 'whatsapp-cloud',
      chatId: citizen.waId,
      messageId: msg.id,
      sender: { platformId: citizen.waId, phone: citizen.waId },
      receivedAt: new Date(Date.now() - hoursAgo * HOUR),
      payload: { kind: 'text', text: 'Buongiorno' },
    });
  }
  return citizen;
}

/** Records a status update and schedules it, as the panel does. */
async function sendStatusUpdate(app: TestApp, chatId: string, text = STATUS_TEXT): Promise<OutboundMessage> {
  const msg: OutboundMessage = {
    channel: 'whatsapp-cloud',
    chatId,
    text,
    purpose: 'status-update',
    outboundId: `status-${randomUUID()}`,
  };
  expect(await app.storage.outbound.record(msg)).toBe(true);
  await app.enqueueOutbound(msg);
  return msg;
}

const finalState = (app: TestApp, outboundId: string) =>
  waitFor(
    async () => {
      const r = await app.storage.outbound.get(outboundId);
      return r && r.state !== 'queued' ? r : undefined;
    },
    15_000,
    `delivery of ${outboundId}`,
  );

describe('with an approved status template', () => {
  let graph: FakeGraphApi;
  let app: TestApp;
  beforeAll(async () => {
    graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
    app = await startTestApp(cloudSettings(graph.base, { WHATSAPP_STATUS_TEMPLATE: 'aggiornamento_segnalazione' }));
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('sends a status update as free text inside the 24-hour window', async () => {
    const citizen = await citizenWhoWrote(app, graph, 0);
    const before = graph.sentTo(citizen.waId).length;
    const msg = await sendStatusUpdate(app, citizen.waId);
    const [sent] = await graph.waitForSent(citizen.waId, 1, { from: before });
    expect(sent.type).toBe('text');
    expect(sent.body.text?.body).toBe(STATUS_TEXT);
    expect(await finalState(app, msg.outboundId)).toMatchObject({ state: 'sent', platformMessageId: storedKeys(app.config).sentRef(sent.wamid) });
  });

  it('uses the template, never free text, when the citizen last wrote more than 24 hours ago', async () => {
    const citizen = await citizenWhoWrote(app, graph, 25);
    const before = graph.sentTo(citizen.waId).length;
    const msg = await sendStatusUpdate(app, citizen.waId);
    const [sent] = await graph.waitForSent(citizen.waId, 1, { from: before });
    expect(sent.type).toBe('template');
    expect(sent.body.template).toMatchObject({ name: 'aggiornamento_segnalazione', language: { code: 'it' } });
    const parameter = sent.body.template?.components?.[0].parameters?.[0];
    expect(parameter?.type).toBe('text');
    expect(parameter?.text).toContain('VIC-2026-000042');
    expect(parameter?.text).toContain('una pattuglia è stata inviata sul posto.');
    expect(parameter?.text).not.toMatch(/[\n\t]/); // Meta refuses new lines in parameters
    expect(graph.refused).toEqual([]);
    expect(await finalState(app, msg.outboundId)).toMatchObject({ state: 'sent', platformMessageId: storedKeys(app.config).sentRef(sent.wamid) });
    expect(
      graph
        .sentTo(citizen.waId)
        .slice(before)
        .filter((s) => s.type !== 'template'),
    ).toEqual([]);
  });

  it('falls back to the template when Meta says the window has closed (code 131047)', async () => {
    const citizen = await citizenWhoWrote(app, graph, 0);
    const before = graph.sentTo(citizen.waId).length;
    graph.failNextSends({ status: 400, code: 131047, message: '(#131047) Re-engagement message' });
    const msg = await sendStatusUpdate(app, citizen.waId);
    const [sent] = await graph.waitForSent(citizen.waId, 1, { from: before });
    expect(sent.type).toBe('template');
    expect((await finalState(app, msg.outboundId)).state).toBe('sent');
  });

  it('retries Meta throttling with backoff until the message goes out', async () => {
    const citizen = await citizenWhoWrote(app, graph, 0);
    const before = graph.sentTo(citizen.waId).length;
    const posts = () => graph.calls.filter((c) => c.method === 'POST' && (c.body as { to?: string })?.to === citizen.waId).length;
    const postsBefore = posts();
    graph.failNextSends({ status: 429, code: 130429, message: '(#130429) Rate limit hit' });
    const started = Date.now();
    const msg = await sendStatusUpdate(app, citizen.waId, 'Aggiornamento: segnalazione chiusa.');
    const [sent] = await graph.waitForSent(citizen.waId, 1, { from: before, timeoutMs: 20_000 });
    expect(sent.body.text?.body).toBe('Aggiornamento: segnalazione chiusa.');
    expect(posts() - postsBefore).toBe(2); // the throttled attempt, then the accepted one
    expect(await finalState(app, msg.outboundId)).toMatchObject({ state: 'sent', platformMessageId: storedKeys(app.config).sentRef(sent.wamid) });
    console.info(`throttled once, delivered after ${Date.now() - started} ms`);
  });
});

describe('without a status template', () => {
  let graph: FakeGraphApi;
  let app: TestApp;
  beforeAll(async () => {
    graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
    app = await startTestApp(cloudSettings(graph.base));
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('records a status update outside the window as undeliverable and sends nothing', async () => {
    const citizen = await citizenWhoWrote(app, graph, 25);
    const before = graph.sentTo(citizen.waId).length;
    const msg = await sendStatusUpdate(app, citizen.waId);
    const record = await finalState(app, msg.outboundId);
    expect(record.state).toBe('undeliverable');
    expect(record.error).toMatch(/24 hours/);
    expect(graph.sentTo(citizen.waId).length).toBe(before);
  });

  it('a citizen who never wrote gets no free-text status update either', async () => {
    const msg = await sendStatusUpdate(app, '393470000999');
    expect((await finalState(app, msg.outboundId)).state).toBe('undeliverable');
    expect(graph.sentTo('393470000999')).toEqual([]);
  });
});
