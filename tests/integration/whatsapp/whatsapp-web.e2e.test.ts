/**
 * The whatsapp-web.js channel in the running service (web, worker and whatsapp roles on the real
 * Redis and MongoDB-wire server), with a fake whatsapp-web.js client in place of WhatsApp Web:
 * login states for the panel and /readyz, a full report with a pin and a photo, photos that cannot
 * be downloaded, unsupported messages, groups, redeliveries, @lid senders and failed sends.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptsFor } from '../../../src/texts/citizen';
import { createFakeWhatsapp, jpegMedia, waMessage, type FakeWhatsappClient } from '../../support/fake-whatsapp-client';
import {
  FULL_REPORT_EXPECTED,
  FULL_REPORT_SCRIPT,
  TOWN_HALL,
  expectTicketCode,
  makeJpeg,
  type ScriptStep,
} from '../../support/report-script';
import { startTestApp, type TestApp } from '../../support/test-app';
import type { WhatsappMessageLike } from '../../../bots/whatsapp';
import { redisKeys } from '../../../src/queue/queue-names';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import { readStatus, readyz, repliesSent, waitFor } from './whatsapp-test-kit';
import { storedKeys } from '../../support/stored-keys';

const it_ = promptsFor('it');
const fake = createFakeWhatsapp();
let app: TestApp;
let redis: Redis;
let wa: FakeWhatsappClient;
let chatSeq = 0;
const newCitizen = () => `3933312${String(++chatSeq).padStart(5, '0')}@c.us`;

beforeAll(async () => {
  app = await startTestApp({ SERVICES: 'web,worker,whatsapp' }, { whatsapp: { clientFactory: fake.factory } });
  redis = new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: null });
  wa = await waitFor(() => fake.clients[0], 'the WhatsApp client to be created');
});

let stopped = false;
afterAll(async () => {
  if (!stopped) await app?.stop();
  await redis?.quit();
});

/**
 * Delivers a message as WhatsApp Web would and returns the texts the citizen received in answer
 * (once the dialog processed it and every reply went through sendMessage).
 */
async function send(msg: WhatsappMessageLike): Promise<string[]> {
  const before = wa.sentTo(msg.from).length;
  wa.deliver(msg);
  const replies = await repliesSent(app, msg);
  const received = await waitFor(() => {
    const texts = wa.sentTo(msg.from).slice(before);
    return texts.length >= replies.length && texts;
  }, 'the replies to reach the citizen');
  return received.map((s) => s.content);
}

async function stepMessage(chatId: string, step: ScriptStep): Promise<WhatsappMessageLike> {
  if ('text' in step) return waMessage.text(chatId, step.text);
  if ('location' in step) return waMessage.location(chatId, step.location.lat, step.location.lng);
  return waMessage.image(chatId, jpegMedia(await makeJpeg()));
}

/** Plays the canonical report script up to (not including) step `until`. */
async function playScript(chatId: string, until = FULL_REPORT_SCRIPT.length) {
  const transcript: string[][] = [];
  for (const step of FULL_REPORT_SCRIPT.slice(0, until)) transcript.push(await send(await stepMessage(chatId, step)));
  return transcript;
}

describe('whatsapp-web.js login, as the panel and /readyz see it', () => {
  it('shows the QR code while waiting for a scan, then ready', async () => {
    expect((await readyz(app.url)).body.checks.whatsapp).toEqual({ state: 'starting' });
    const qr = wa.showQr('2@AbCdEf,pubkey=,devkey=');
    const shown = await waitFor(async () => {
      const s = await readStatus(redis, app.config.REDIS_PREFIX);
      return s?.state === 'qr' && s;
    }, 'the QR status');
    expect(shown.qr).toBe(qr);
    const waiting = await readyz(app.url);
    expect(waiting.status).toBe(503);
    expect(waiting.body.down).toEqual(['whatsapp']);
    expect(waiting.body.checks.whatsapp).toEqual({ state: 'qr' });
    // The QR code is a login credential: never on the public endpoint.
    expect(waiting.text).not.toContain(qr);

    wa.loginAndReady();
    await waitFor(async () => (await readStatus(redis, app.config.REDIS_PREFIX))?.state === 'ready', 'the ready status');
    const ready = await readyz(app.url);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.whatsapp).toEqual({ state: 'ready' });
    expect((await readStatus(redis, app.config.REDIS_PREFIX))?.qr).toBeUndefined();
  });
});

describe('a citizen on WhatsApp', () => {
  it('makes a full report with a pin and a photo and receives the ticket code', async () => {
    const citizen = newCitizen();
    const transcript = await playScript(citizen);
    transcript.forEach((texts, i) => expect(texts.join('\n'), `after step ${i}`).toContain(FULL_REPORT_EXPECTED[i]));
    // Choices arrive as numbered menus, the location question says where the pin is.
    expect(transcript[0].join('\n')).toMatch(/^1\. Accetto\n2\. Non accetto$/m);
    expect(transcript[3].join('\n')).toContain('📎');
    const ticket = expectTicketCode(transcript.at(-1)!.join('\n'));

    const report = await app.storage.reports.getByTicket(ticket);
    expect(report).toMatchObject({
      channel: 'whatsapp',
      status: 'new',
      reliability: 'seen',
      location: { point: { lat: TOWN_HALL.lat, lng: TOWN_HALL.lng } },
      description: (FULL_REPORT_SCRIPT[6] as { text: string }).text,
    });
    // The phone number (the chat id) stays in the identity store: the report has no trace of it.
    expect(JSON.stringify(report)).not.toContain(citizen.split('@')[0]);
    expect(report!.photoRefs).toHaveLength(1);
    const photo = await createDiskMediaStore(app.config.MEDIA_DIR, app.config.MEDIA_MAX_BYTES).read(report!.photoRefs[0]);
    expect(photo?.mimeType).toBe('image/jpeg');
    // The phone number is kept in the identity store (police only).
    const identity = await app.storage.identities.get(report!.citizenRef);
    expect(identity).toMatchObject({ channel: 'whatsapp', chatId: citizen, phone: `+${citizen.split('@')[0]}` });
  });

  it('is told when a photo cannot be downloaded, and the report goes on', async () => {
    const citizen = newCitizen();
    const photoStep = FULL_REPORT_SCRIPT.findIndex((s) => 'photo' in s);
    await playScript(citizen, photoStep);
    const expiredMsg = waMessage.image(citizen, null);
    const expired = await send(expiredMsg);
    expect(expired.join('\n')).toContain(it_.photo.failed);
    expect((await app.storage.inbox.get('whatsapp', expiredMsg.id._serialized))?.payload).toEqual({
      kind: 'photo',
      failure: 'download_failed',
    });
    const broken = await send(waMessage.image(citizen, () => Promise.reject(new Error('Evaluation failed: media expired'))));
    expect(broken.join('\n')).toContain(it_.photo.failed);
    const good = await send(waMessage.image(citizen, jpegMedia(await makeJpeg())));
    expect(good.join('\n')).toContain(FULL_REPORT_EXPECTED[photoStep]);
  });

  it.each(['ptt', 'audio', 'video', 'document', 'sticker', 'vcard'])('gets a polite explanation for a %s message', async (type) => {
    const citizen = newCitizen();
    await playScript(citizen, 2); // at the category question
    const msg = waMessage.ofType(citizen, type);
    const replies = await send(msg);
    expect(replies.join('\n')).toContain(it_.unsupported.other);
    expect((await app.storage.inbox.get('whatsapp', msg.id._serialized))?.payload).toEqual({ kind: 'other', platformType: type });
    // The conversation is intact: the next answer is read normally.
    expect((await send(waMessage.text(citizen, '1'))).join('\n')).toContain(FULL_REPORT_EXPECTED[2]);
  });

  it('is answered once when WhatsApp Web delivers the same message twice', async () => {
    const citizen = newCitizen();
    const first = waMessage.text(citizen, 'Buongiorno');
    const replies = await send(first);
    wa.deliver(first);
    wa.deliver({ ...first });
    // A later message of the same chat is processed after anything the redelivery could cause.
    await send(waMessage.text(citizen, 'Accetto'));
    const stored = await app.mongo.collection('inbox_messages').countDocuments({ channel: 'whatsapp', chatKey: storedKeys(app.config).chatKey('whatsapp', citizen) });
    expect(stored).toBe(2);
    expect(await app.storage.outbound.listReplies('whatsapp', first.id._serialized)).toHaveLength(replies.length);
    const sent = wa.sentTo(citizen).map((s) => s.content);
    expect(sent.filter((t) => t.includes(FULL_REPORT_EXPECTED[0]))).toHaveLength(1);
  });

  it('is answered on its @lid chat, with the phone number kept when WhatsApp reveals it', async () => {
    const lid = '204815162342108@lid';
    wa.lidToPhone.set(lid, '393471234567@c.us');
    const msg = waMessage.text(lid, 'Buongiorno');
    expect((await send(msg)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    const record = await app.storage.inbox.get('whatsapp', msg.id._serialized);
    expect(record?.chatId).toBe(lid);
    expect(await app.storage.identities.get(record!.citizenRef)).toMatchObject({ chatId: lid, phone: '+393471234567' });
  });

  it('gets the reply even when the first send fails (the job retries)', async () => {
    const citizen = newCitizen();
    wa.failNextSends = 1;
    const replies = await send(waMessage.text(citizen, 'Buongiorno'));
    expect(replies.join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    expect(wa.failNextSends).toBe(0);
  });
});

describe('messages the bot does not answer', () => {
  it('ignores groups, status updates and its own messages', async () => {
    const group = '120363041234567890@g.us';
    const member = newCitizen();
    wa.deliver(waMessage.inGroup(group, member, 'Buongiorno a tutti'));
    wa.deliver(waMessage.status(member, 'In vacanza!'));
    wa.deliver({ ...waMessage.text(member, 'messaggio mandato dal telefono del comune'), fromMe: true });
    // A private message delivered after them is answered, so they were seen and dropped.
    await send(waMessage.text(member, 'Buongiorno'));
    const inbox = app.mongo.collection('inbox_messages');
    const keys = storedKeys(app.config);
    expect(await inbox.countDocuments({ chatKey: { $in: [group, 'status@broadcast'].map((c) => keys.chatKey('whatsapp', c)) } })).toBe(0);
    expect(await inbox.countDocuments({ chatKey: keys.chatKey('whatsapp', member) })).toBe(1);
    expect(wa.sentTo(group)).toEqual([]);
    expect(wa.sentTo('status@broadcast')).toEqual([]);
  });
});

describe('stopping the whatsapp role', () => {
  it('closes the browser and releases the one-process lock', async () => {
    stopped = true;
    await app.stop();
    expect(wa.destroyed).toBe(true);
    expect(await redis.get(redisKeys(app.config.REDIS_PREFIX).roleLock('whatsapp'))).toBeNull();
    expect(await readStatus(redis, app.config.REDIS_PREFIX)).toMatchObject({ state: 'disconnected' });
  });
});
