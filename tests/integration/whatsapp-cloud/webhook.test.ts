/**
 * The Cloud API webhook against the real service (MongoDB-wire server, Redis, BullMQ workers) and a
 * fake Graph API: handshake, signature, validation, each message type, redeliveries and statuses.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import { waitFor } from './wait-for';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, sign, statusNotification, waMessage } from './meta-webhook';
import { storedKeys } from '../../support/stored-keys';

let graph: FakeGraphApi;
let app: TestApp;
let nextCitizen = 0;
const newCitizen = () => ({ waId: `39333${String(1_000_000 + nextCitizen++).padStart(7, '0')}`, name: `Cittadino ${nextCitizen}` });

const inboxCount = (messageId: string) =>
  app.mongo.collection('inbox_messages').countDocuments({ channel: 'whatsapp-cloud', messageId: storedKeys(app.config).messageRef('whatsapp-cloud', messageId) });

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  app = await startTestApp(cloudSettings(graph.base));
});
afterAll(async () => {
  await app?.stop();
  await graph?.close();
});

describe('GET handshake', () => {
  const handshake = (query: Record<string, string>) => fetch(`${app.url}/webhooks/whatsapp?${new URLSearchParams(query)}`);

  it('echoes hub.challenge as text when the verify token matches', async () => {
    const res = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': CLOUD.verifyToken, 'hub.challenge': '1158201444' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('answers 403 to a wrong token or mode', async () => {
    const wrongToken = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '42' });
    expect(wrongToken.status).toBe(403);
    expect(await wrongToken.text()).not.toContain('42');
    const wrongMode = await handshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': CLOUD.verifyToken, 'hub.challenge': '42' });
    expect(wrongMode.status).toBe(403);
  });

  it('answers 400 to a missing or too long hub.challenge (the schema the OpenAPI document shows)', async () => {
    const missing = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': CLOUD.verifyToken });
    expect(missing.status).toBe(400);
    const long = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': CLOUD.verifyToken, 'hub.challenge': 'x'.repeat(257) });
    expect(long.status).toBe(400);
    const token = encodeURIComponent(CLOUD.verifyToken);
    const repeated = await fetch(`${app.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1&hub.challenge=2`);
    expect(repeated.status).toBe(400);
  });
});

describe('POST notifications', () => {
  it('stores a text message with the citizen identity, then the bot answers on WhatsApp', async () => {
    const citizen = newCitizen();
    const msg = waMessage.text('Ciao, vorrei fare una segnalazione');
    const res = await postWebhook(app.url, messagesNotification(citizen, msg));
    expect(res.status).toBe(200);

    // Stored before the 200: readable at once.
    const stored = await app.storage.inbox.get('whatsapp-cloud', msg.id);
    expect(stored).toMatchObject({ chatId: citizen.waId, payload: { kind: 'text', text: 'Ciao, vorrei fare una segnalazione' } });
    expect(stored!.receivedAt.getTime()).toBe(Number(msg.timestamp) * 1000);
    const citizenRef = citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId);
    expect(stored!.citizenRef).toBe(citizenRef);
    const identity = await app.storage.identities.get(citizenRef);
    expect(identity).toMatchObject({ channel: 'whatsapp-cloud', chatId: citizen.waId, phone: citizen.waId, displayName: citizen.name });

    const [reply] = await graph.waitForSent(citizen.waId, 1);
    expect(reply.body.messaging_product).toBe('whatsapp');
    const text = reply.body.text?.body ?? reply.body.interactive?.body?.text ?? '';
    expect(text.length).toBeGreaterThan(0);
    const calls = graph.calls.filter((c) => c.method === 'POST' && (c.body as { to?: string })?.to === citizen.waId);
    expect(calls[0].headers.authorization).toBe(`Bearer ${CLOUD.token}`);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const citizen = newCitizen();
    const msg = waMessage.text('messaggio falso');
    const body = messagesNotification(citizen, msg);
    const forged = await postWebhook(app.url, body, { signature: sign(JSON.stringify(body), 'not-the-app-secret') });
    expect(forged.status).toBe(401);
    const missing = await postWebhook(app.url, body, { signature: null });
    expect(missing.status).toBe(401);
    // Signed bytes, then a changed body: the signature no longer matches.
    const tampered = await postWebhook(app.url, body, {
      signature: sign(JSON.stringify(body)),
      raw: JSON.stringify(body).replace('messaggio falso', 'messaggio vero'),
    });
    expect(tampered.status).toBe(401);
    expect(await inboxCount(msg.id)).toBe(0);
  });

  it('answers 400 with a reason to a signed but malformed notification', async () => {
    const notWhatsapp = await postWebhook(app.url, { object: 'page', entry: [] });
    expect(notWhatsapp.status).toBe(400);
    expect((await notWhatsapp.json()).error).toMatch(/whatsapp_business_account/);

    const citizen = newCitizen();
    const broken = messagesNotification(citizen, { ...waMessage.text('x'), text: undefined } as never);
    const res = await postWebhook(app.url, broken);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/entry\.0\.changes\.0\.value\.messages\.0\.text/);

    const notJson = await postWebhook(app.url, undefined, { raw: '{"object": "whatsapp_business_account",' });
    expect(notJson.status).toBe(400);
  });

  it('a redelivered notification is stored once and answered once', async () => {
    const citizen = newCitizen();
    const msg = waMessage.text('Buongiorno');
    const body = messagesNotification(citizen, msg);
    expect((await postWebhook(app.url, body)).status).toBe(200);
    await graph.waitForSent(citizen.waId, 1);
    const repliesBefore = graph.sentTo(citizen.waId).length;
    expect((await postWebhook(app.url, body)).status).toBe(200);
    expect((await postWebhook(app.url, body)).status).toBe(200);

    expect(await inboxCount(msg.id)).toBe(1);
    // Once a later message is answered, a doubled answer to the first would have been sent too.
    await postWebhook(app.url, messagesNotification(citizen, waMessage.text('Ci sei?')));
    await graph.waitForSent(citizen.waId, repliesBefore + 1);
    const recorded = await waitFor(async () => {
      const all = await app.storage.outbound.listForChat('whatsapp-cloud', citizen.waId);
      return all.every((r) => r.state === 'sent') ? all : undefined;
    });
    expect(
      graph
        .sentTo(citizen.waId)
        .map((s) => storedKeys(app.config).sentRef(s.wamid))
        .sort(),
    ).toEqual(recorded.map((r) => r.platformMessageId).sort());
  });

  it('downloads a photo through the Graph API and stores it for the police', async () => {
    const citizen = newCitizen();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a5' } })
      .jpeg()
      .toBuffer();
    const mediaId = graph.addMedia(jpeg);
    const msg = waMessage.image(mediaId, 'rifiuti davanti al cancello');
    expect((await postWebhook(app.url, messagesNotification(citizen, msg))).status).toBe(200);

    const stored = await app.storage.inbox.get('whatsapp-cloud', msg.id);
    expect(stored?.payload).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', caption: 'rifiuti davanti al cancello' });
    const ref = (stored!.payload as { mediaRef?: string }).mediaRef;
    expect(ref).toBeTruthy();
    const metadata = await sharp((await readMedia(ref!))!).metadata();
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
    // Both Graph calls carried the token: the lookup and the download.
    const mediaCalls = graph.calls.filter((c) => c.method === 'GET' && c.path.includes(mediaId));
    expect(mediaCalls.length).toBe(2);
    expect(mediaCalls.every((c) => c.headers.authorization === `Bearer ${CLOUD.token}`)).toBe(true);

    // A redelivery neither downloads again nor stores a second message.
    expect((await postWebhook(app.url, messagesNotification(citizen, msg))).status).toBe(200);
    expect(graph.calls.filter((c) => c.method === 'GET' && c.path.includes(mediaId)).length).toBe(2);
    expect(await inboxCount(msg.id)).toBe(1);
  });

  it('stores a photo that cannot be fetched as a photo with a failure, not as nothing', async () => {
    const citizen = newCitizen();
    const msg = waMessage.image('999999999999');
    expect((await postWebhook(app.url, messagesNotification(citizen, msg))).status).toBe(200);
    const stored = await app.storage.inbox.get('whatsapp-cloud', msg.id);
    expect(stored?.payload).toEqual({ kind: 'photo', failure: 'download_failed' });
  });

  it('maps locations, interactive replies and unsupported types', async () => {
    const citizen = newCitizen();
    const location = waMessage.location(43.8414, 10.5731, { name: 'Comune di Capannori', address: 'Piazza Aldo Moro 1' });
    const button = waMessage.buttonReply({ id: 'choice:Ho visto', title: 'Ho visto' });
    const row = waMessage.listReply({ id: 'choice:Illuminazione pubblica guasta', title: 'Illuminazione pubblica…' });
    const sticker = waMessage.sticker();
    expect((await postWebhook(app.url, messagesNotification(citizen, location, button, row, sticker))).status).toBe(200);

    expect((await app.storage.inbox.get('whatsapp-cloud', location.id))?.payload).toEqual({
      kind: 'location',
      point: { lat: 43.8414, lng: 10.5731 },
      label: 'Comune di Capannori, Piazza Aldo Moro 1',
    });
    expect((await app.storage.inbox.get('whatsapp-cloud', button.id))?.payload).toEqual({ kind: 'text', text: 'Ho visto' });
    // The row title was shortened on screen; the dialog gets the whole label back.
    expect((await app.storage.inbox.get('whatsapp-cloud', row.id))?.payload).toEqual({
      kind: 'text',
      text: 'Illuminazione pubblica guasta',
    });
    expect((await app.storage.inbox.get('whatsapp-cloud', sticker.id))?.payload).toEqual({ kind: 'other', platformType: 'sticker' });
  });

  it('ignores notifications for another phone number of the same app', async () => {
    const citizen = newCitizen();
    const msg = waMessage.text('per un altro numero');
    const body = messagesNotification(citizen, msg);
    body.entry[0].changes[0].value.metadata.phone_number_id = '999000111222333';
    expect((await postWebhook(app.url, body)).status).toBe(200);
    expect(await inboxCount(msg.id)).toBe(0);
  });

  it('acknowledges a burst of messages from many citizens only after storing every one', async () => {
    const burst = Array.from({ length: 20 }, () => ({ citizen: newCitizen(), msg: waMessage.text('Segnalo un lampione spento') }));
    const times: number[] = [];
    const statuses = await Promise.all(
      burst.map(async ({ citizen, msg }) => {
        const started = performance.now();
        const res = await postWebhook(app.url, messagesNotification(citizen, msg));
        times.push(performance.now() - started);
        return res.status;
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const stored = await app.mongo
      .collection('inbox_messages')
      .countDocuments({ channel: 'whatsapp-cloud', messageId: { $in: burst.map((b) => storedKeys(app.config).messageRef('whatsapp-cloud', b.msg.id)) } });
    expect(stored).toBe(20);
    times.sort((a, b) => a - b);
    console.info(`webhook ack, 20 concurrent: median ${times[10].toFixed(0)} ms, max ${times[19].toFixed(0)} ms`);
  });

  it('records sent, delivered and read statuses on the outbound message', async () => {
    const citizen = newCitizen();
    const msg = waMessage.text('Salve');
    await postWebhook(app.url, messagesNotification(citizen, msg));
    const [reply] = await graph.waitForSent(citizen.waId, 1);
    const record = await waitFor(async () => {
      const r = (await app.storage.outbound.listForChat('whatsapp-cloud', citizen.waId)).find((o) => o.platformMessageId === storedKeys(app.config).sentRef(reply.wamid));
      return r?.state === 'sent' ? r : undefined;
    });

    const stateAfter = async (...statuses: Parameters<typeof statusNotification>) => {
      expect((await postWebhook(app.url, statusNotification(...statuses))).status).toBe(200);
      return (await app.storage.outbound.get(record.outboundId))!.state;
    };
    expect(await stateAfter({ wamid: reply.wamid, status: 'delivered', recipient: citizen.waId })).toBe('delivered');
    // Read and a late "delivered" in one notification: the furthest state wins.
    expect(
      await stateAfter(
        { wamid: reply.wamid, status: 'read', recipient: citizen.waId },
        { wamid: reply.wamid, status: 'delivered', recipient: citizen.waId },
      ),
    ).toBe('read');
  });

  it('a failed status for a number that is not on WhatsApp marks the message undeliverable and the citizen unreachable', async () => {
    const citizen = newCitizen();
    await postWebhook(app.url, messagesNotification(citizen, waMessage.text('Ciao')));
    const [reply] = await graph.waitForSent(citizen.waId, 1);
    const record = await waitFor(async () =>
      (await app.storage.outbound.listForChat('whatsapp-cloud', citizen.waId)).find((o) => o.platformMessageId === storedKeys(app.config).sentRef(reply.wamid)),
    );
    const res = await postWebhook(
      app.url,
      statusNotification({ wamid: reply.wamid, status: 'failed', recipient: citizen.waId, errorCode: 131026 }),
    );
    expect(res.status).toBe(200);
    expect((await app.storage.outbound.get(record.outboundId))?.state).toBe('undeliverable');
    const citizenRef = citizenRefFactory(app.config.CITIZEN_REF_SECRET)('whatsapp-cloud', citizen.waId);
    expect((await app.storage.identities.get(citizenRef))?.reachable).toBe(false);
  });
});

async function readMedia(ref: string) {
  const { createDiskMediaStore } = await import('../../../src/storage/media-store');
  return (await createDiskMediaStore(app.config.MEDIA_DIR, app.config.MEDIA_MAX_BYTES).read(ref))?.bytes;
}
