/**
 * A citizen files a full report over the Cloud API, end to end: signed webhooks in, the real dialog
 * and queues, replies out to the fake Graph API. Menus are answered by pressing the buttons or list
 * rows the bot actually sent; the location is a pin and the photo goes through the media download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../config/categories';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeGraphApi, type FakeGraphApi, type SentMessage } from '../../support/fake-graph-api';
import {
  FULL_REPORT_EXPECTED,
  FULL_REPORT_SCRIPT,
  TOWN_HALL,
  expectTicketCode,
  makeJpeg,
  type ScriptStep,
} from '../../support/report-script';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, waMessage } from './meta-webhook';
import { waitFor } from './wait-for';
import { storedKeys } from '../../support/stored-keys';
import { whereStored } from '../../support/scan-collections';

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

type Choice = { id: string; title: string };

/** What the citizen reads in a message, and the buttons or rows they can press. */
function readSent(m: SentMessage): { text: string; choices: Choice[]; kind: string } {
  const i = m.body.interactive;
  const choices = [...(i?.action?.buttons ?? []).map((b) => b.reply), ...(i?.action?.sections ?? []).flatMap((s) => s.rows ?? [])].map(
    (c) => ({ id: c?.id ?? '', title: c?.title ?? '' }),
  );
  return { text: m.body.text?.body ?? i?.body?.text ?? '', choices, kind: i?.type ?? m.type };
}

/** Posts one message and returns the bot's replies to it, as sent to WhatsApp, in order. */
async function say(citizen: { waId: string; name: string }, message: ReturnType<(typeof waMessage)[keyof typeof waMessage]>) {
  const body = messagesNotification(citizen, message);
  const res = await postWebhook(app.url, body);
  expect(res.status).toBe(200);
  const replies = await waitFor(
    async () => {
      const inbox = await app.storage.inbox.get('whatsapp-cloud', message.id);
      if (!inbox || inbox.state === 'received') return undefined;
      const records = await app.storage.outbound.listReplies('whatsapp-cloud', message.id);
      if (!records.length || records.some((r) => r.state === 'queued')) return undefined;
      return records;
    },
    15_000,
    `replies to ${message.type} message`,
  );
  return { body, replies: replies.map((r) => graph.sent.find((s) => storedKeys(app.config).sentRef(s.wamid) === r.platformMessageId)!).map(readSent) };
}

/** The answer for a script step, pressing the offered button or row when the bot offered one. */
async function answer(step: ScriptStep, offered: Choice[]) {
  if ('location' in step) return waMessage.location(step.location.lat, step.location.lng);
  if ('photo' in step) return waMessage.image(graph.addMedia(await makeJpeg()), 'foto del problema');
  const byNumber = /^\d+$/.test(step.text) ? offered[Number(step.text) - 1] : undefined;
  const byLabel = offered.find((c) => c.title.toLowerCase() === step.text.toLowerCase());
  const pressed = byNumber ?? byLabel;
  if (!pressed) return waMessage.text(step.text);
  return offered.length > 3 || !offered.every((c) => c.title.length <= 20) ? waMessage.listReply(pressed) : waMessage.buttonReply(pressed);
}

describe('a full report over the WhatsApp Cloud API', () => {
  it('lands in MongoDB with the right fields and the ticket code is sent to the citizen', async () => {
    const citizen = { waId: '393471234567', name: 'Giulia Verdi' };
    let offered: Choice[] = [];
    const kindsUsed = new Set<string>();
    let last: Awaited<ReturnType<typeof say>> | undefined;

    for (const [i, step] of FULL_REPORT_SCRIPT.entries()) {
      const message = await answer(step, offered);
      kindsUsed.add(message.type === 'interactive' ? (message as { interactive: { type: string } }).interactive.type : message.type);
      last = await say(citizen, message);
      const said = last.replies.map((r) => r.text).join('\n');
      expect(said, `reply to step ${i + 1}`).toContain(FULL_REPORT_EXPECTED[i]);
      offered = last.replies.flatMap((r) => r.choices);
    }
    // The report used the Cloud API's own ways of answering, not only typed text.
    expect(kindsUsed).toContain('location');
    expect(kindsUsed).toContain('image');
    expect([...kindsUsed].some((k) => k === 'button_reply' || k === 'list_reply')).toBe(true);
    expect(graph.refused).toEqual([]);

    const ticket = expectTicketCode(last!.replies.map((r) => r.text).join('\n'));
    const report = await app.storage.reports.getByTicket(ticket);
    const citizenRef = citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId);
    expect(report).toMatchObject({
      ticketCode: ticket,
      status: 'new',
      channel: 'whatsapp-cloud',
      citizenRef,
      categoryId: CATEGORIES[0].id,
      reliability: 'seen',
      description: expect.stringContaining('bottiglie rotte'),
    });
    // The citizen's WhatsApp number stays in the identity store: the report has no trace of it.
    expect(JSON.stringify(report)).not.toContain(citizen.waId);
    expect(report!.location.point.lat).toBeCloseTo(TOWN_HALL.lat, 5);
    expect(report!.location.point.lng).toBeCloseTo(TOWN_HALL.lng, 5);
    expect(report!.photoRefs).toHaveLength(1);

    // Meta delivers the confirming message again: still one report, no second ticket sent.
    const sentBefore = graph.sentTo(citizen.waId).length;
    expect((await postWebhook(app.url, last!.body)).status).toBe(200);
    expect((await postWebhook(app.url, last!.body)).status).toBe(200);
    const reports = await app.storage.reports.listByCitizen(citizenRef, 10);
    expect(reports.map((r) => r.ticketCode)).toEqual([ticket]);
    const confirming = last!.body.entry[0].changes[0].value.messages[0].id;
    expect(await app.mongo.collection('inbox_messages').countDocuments({ channel: 'whatsapp-cloud', messageId: storedKeys(app.config).messageRef('whatsapp-cloud', confirming) })).toBe(1);
    // A later message is answered; by then a doubled confirmation would have gone out too.
    await say(citizen, waMessage.text('Grazie'));
    const ticketsSent = graph
      .sentTo(citizen.waId)
      .slice(sentBefore)
      .filter((m) => readSent(m).text.includes(ticket) && /Segnalazione inviata/.test(readSent(m).text));
    expect(ticketsSent).toEqual([]);

    // Several replies to one message arrive in the order the dialog wrote them.
    const recorded = await app.storage.outbound.listForChat('whatsapp-cloud', citizen.waId);
    expect(graph.sentTo(citizen.waId).map((m) => storedKeys(app.config).sentRef(m.wamid))).toEqual(recorded.map((r) => r.platformMessageId));

    // After a whole report, the phone number and the name are nowhere in the database as they are:
    // the identity store keeps them encrypted; inbox, outbound and conversations use keyed references.
    expect(await whereStored(app.mongo, citizen.waId.slice(2))).toEqual([]);
    expect(await whereStored(app.mongo, citizen.name)).toEqual([]);
    // An agent who may see it still gets it, decrypted.
    expect((await app.storage.identities.get(citizenRef))?.phone).toContain(citizen.waId.slice(2));
  });
});
