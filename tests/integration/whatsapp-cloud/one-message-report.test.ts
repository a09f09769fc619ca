/**
 * One-message reports over the WhatsApp Cloud API (issue 15 item 1), through signed webhooks, the
 * real service and the fake Graph API and Nominatim. WhatsApp tells us nothing of a sender's
 * language: an Italian citizen's first text is answered in Italian, an English speaker's photo
 * caption in English, and each report is read from that first message — the bot asks only how
 * the citizen knows and for the confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeGraphApi, type FakeGraphApi, type SentMessage } from '../../support/fake-graph-api';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';
import { expectTicketCode, makeJpeg } from '../../support/report-script';
import { storedKeys } from '../../support/stored-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, waMessage } from './meta-webhook';
import { waitFor } from './wait-for';

let graph: FakeGraphApi;
let nominatim: FakeNominatim;
let app: TestApp;

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  nominatim = await startFakeNominatim();
  app = await startTestApp(cloudSettings(graph.base, { GEOCODER_URL: nominatim.url }));
});
afterAll(async () => {
  await app?.stop();
  await graph?.close();
  await nominatim?.close();
});

type Choice = { id: string; title: string };
type Citizen = { waId: string; name: string };
type WaMsg = ReturnType<(typeof waMessage)[keyof typeof waMessage]>;

const textOf = (m: SentMessage) => m.body.text?.body ?? m.body.interactive?.body?.text ?? '';
const choicesOf = (m: SentMessage): Choice[] => {
  const i = m.body.interactive;
  return [...(i?.action?.buttons ?? []).map((b) => b.reply), ...(i?.action?.sections ?? []).flatMap((s) => s.rows ?? [])].map((c) => ({
    id: c?.id ?? '',
    title: c?.title ?? '',
  }));
};

/** Posts one message; returns what the citizen reads in reply and the buttons they can press. */
async function say(citizen: Citizen, message: WaMsg) {
  expect((await postWebhook(app.url, messagesNotification(citizen, message))).status).toBe(200);
  const records = await waitFor(
    async () => {
      const inbox = await app.storage.inbox.get('whatsapp-cloud', message.id);
      if (!inbox || inbox.state === 'received') return undefined;
      const replies = await app.storage.outbound.listReplies('whatsapp-cloud', message.id);
      return replies.length && replies.every((r) => r.state !== 'queued') ? replies : undefined;
    },
    15_000,
    `replies to ${message.type} message`,
  );
  const sent = records.map((r) => graph.sent.find((s) => storedKeys(app.config).sentRef(s.wamid) === r.platformMessageId)!);
  return { text: sent.map(textOf).join('\n'), choices: sent.flatMap(choicesOf) };
}

/** Presses the offered button whose title is `title` (as a WhatsApp user taps it). */
function press(choices: Choice[], title: string) {
  const choice = choices.find((c) => c.title === title);
  expect(choice, `a button «${title}» among ${choices.map((c) => c.title).join(', ')}`).toBeDefined();
  return choices.length > 3 ? waMessage.listReply(choice!) : waMessage.buttonReply(choice!);
}

async function reportOf(citizen: Citizen, confirmation: string) {
  const report = await app.storage.reports.getByTicket(expectTicketCode(confirmation));
  expect(report?.citizenRef).toBe(citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId));
  return report!;
}

describe('a one-message report over the WhatsApp Cloud API', () => {
  let firstTicket = '';
  it('an Italian text with what, where and when: understood, one question, summary, sent', async () => {
    const citizen = { waId: '393481112233', name: 'Marta' };
    const TEXT = 'ci sono sacchi di rifiuti abbandonati in via Carlo Piaggia a Capannori da tre giorni';
    const consent = await say(citizen, waMessage.text(TEXT));
    expect(consent.text).toContain('privacy');
    const understood = await say(citizen, press(consent.choices, 'Accetto'));
    for (const part of ['Ho capito:', 'Dove: Via Carlo Piaggia', 'Quando: da tre giorni', 'Rifiuti abbandonati', 'Come lo sai?']) {
      expect(understood.text).toContain(part);
    }
    const summary = await say(citizen, press(understood.choices, "L'ho visto io"));
    expect(summary.text).toContain('riepilogo');
    const sent = await say(citizen, press(summary.choices, 'Invia'));
    const report = await reportOf(citizen, sent.text);
    expect(report).toMatchObject({ categoryId: 'abandoned_waste', description: TEXT, reliability: 'seen', channel: 'whatsapp-cloud' });
    expect(report.location.address).toContain('Via Carlo Piaggia');
    expect(report.photoRefs ?? []).toHaveLength(0);
    firstTicket = report.ticketCode;
  });

  it('an English photo caption: answered in English from the first reply, and a nearby report is confirmed', async () => {
    const citizen = { waId: '447700900123', name: 'Sarah' };
    const CAPTION = 'someone dumped bags of rubbish in via Carlo Piaggia in Capannori, they have been there for three days';
    const consent = await say(citizen, waMessage.image(graph.addMedia(await makeJpeg()), CAPTION));
    expect(consent.text).toContain('Before we start, privacy in short');
    expect(consent.text).not.toContain('Prima di iniziare');
    const understood = await say(citizen, press(consent.choices, 'I accept'));
    for (const part of ['I understood:', 'Where: Via Carlo Piaggia', 'Photos: 1', 'How do you know?']) {
      expect(understood.text).toContain(part);
    }
    const summary = await say(citizen, press(understood.choices, 'I saw it myself'));
    expect(summary.text).toContain('summary');
    // The same bags, reported a moment ago by the Italian citizen: the bot asks, in English.
    const nearby = await say(citizen, press(summary.choices, 'Send'));
    expect(nearby.text).toContain('a similar report close by came in today');
    expect(nearby.text).toContain('What: Abandoned waste');
    const confirmed = await say(citizen, press(nearby.choices, 'Yes'));
    expect(confirmed.text).toContain(`I added your confirmation to report ${firstTicket}`);
    const report = await app.storage.reports.getByTicket(firstTicket);
    expect(JSON.stringify(report)).not.toContain(citizen.waId);
    expect(await app.storage.reports.listByCitizen(citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId), 10)).toEqual([]);
    expect(graph.refused).toEqual([]);
  });

  it('a photo sent "as a document" (uncompressed) with its caption is a photo of the report; a PDF is not', async () => {
    // On the old code the file was "other": «non posso leggere questo tipo di messaggio».
    const citizen = { waId: '393470001122', name: 'Gino' };
    const CAPTION = 'lampione spento da una settimana in via del Popolo a Lammari';
    const consent = await say(citizen, waMessage.imageFile(graph.addMedia(await makeJpeg()), CAPTION));
    expect(consent.text).toContain('Prima di iniziare');
    const understood = await say(citizen, press(consent.choices, 'Accetto'));
    for (const part of ['Ho capito:', 'Foto: 1', 'Illuminazione pubblica guasta', 'Come lo sai?']) expect(understood.text).toContain(part);
    const pdf = await say(citizen, waMessage.pdfFile(graph.addMedia(Buffer.from('%PDF-1.4 not an image'))));
    expect(pdf.text).not.toContain('Foto: 2');
    expect(pdf.text).toContain('Come lo sai?');
  });
});
