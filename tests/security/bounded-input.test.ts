/**
 * Attacks on the public inputs, against running apps: unsigned megabytes the WhatsApp webhook
 * parses before checking the signature, oversized Telegram updates, a small file that decodes to
 * a huge picture, a media URL that sends the Graph API bearer token elsewhere, and floods of
 * requests to the simulator and the webhooks.
 * On the old code: the unsigned bodies were parsed (400 "malformed JSON body" instead of 401/413),
 * a 100 KB Telegram update was read and parsed, the 40-megapixel PNG was decoded and stored, the
 * token went to the host the media lookup named, and nothing answered 429.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraphApi, type FakeGraphApi } from '../support/fake-graph-api';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram-api';
import { simulatorSend } from '../support/simulator-citizen';
import { startTestApp, type TestApp } from '../support/test-app';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, sign, waMessage } from '../integration/whatsapp-cloud/meta-webhook';
import { WEBHOOK_SECRET, startTelegramApp, type TelegramHarness } from '../integration/telegram/telegram-harness';
import { makeJpeg } from '../support/report-script';

let graph: FakeGraphApi;
let cloud: TestApp;
let limited: TestApp;
let telegramFake: FakeTelegram;
let telegram: TelegramHarness;

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  // Media only from Meta's own host: the fake Graph API on 127.0.0.1 names media URLs on 127.0.0.1.
  cloud = await startTestApp(cloudSettings(graph.base, { MEDIA_ALLOWED_HOSTS: 'lookaside.fbsbx.com' }));
  limited = await startTestApp(cloudSettings(graph.base, { SIMULATOR_RATE_LIMIT_PER_MINUTE: '5', WEBHOOK_RATE_LIMIT_PER_MINUTE: '5' }));
  telegramFake = await startFakeTelegram();
  telegram = await startTelegramApp(telegramFake, 'webhook');
});
afterAll(async () => {
  await cloud?.stop();
  await limited?.stop();
  await telegram?.stop();
  await graph?.close();
  await telegramFake?.close();
});

/** A valid grayscale PNG of width x height, all black: a few KB that decode to width*height bytes. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale, no interlace
  const scanlines = Buffer.alloc((width + 1) * height); // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('webhook bodies are bounded and verified before they are parsed', () => {
  it('WhatsApp: an unsigned body that is not even JSON is refused for its signature, never parsed', async () => {
    const res = await postWebhook(cloud.url, undefined, {
      raw: '{"object": "whatsapp_business_account", ',
      signature: 'sha256=' + '0'.repeat(64),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/JSON|SyntaxError|parse/i);
  });

  it('WhatsApp: a body over the channel limit is refused whole, even before the signature', async () => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', padding: 'x'.repeat(700 * 1024) });
    const res = await postWebhook(cloud.url, undefined, { raw, signature: sign(raw) });
    expect(res.status).toBe(413);
  });

  it('WhatsApp: a correctly signed notification is still accepted', async () => {
    const res = await postWebhook(cloud.url, messagesNotification({ waId: '393330000001', name: 'Anna' }, waMessage.text('Buongiorno')));
    expect(res.status).toBe(200);
  });

  it('Telegram: an update over 64 KB is refused, with the right secret too', async () => {
    const res = await fetch(`${telegram.app.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify({ update_id: 1, padding: 'x'.repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});

describe('images are checked before they are decoded', () => {
  it('a 40-megapixel PNG of a few KB is refused as too large and not stored', async () => {
    const bomb = pngBomb(8000, 5000);
    expect(bomb.length).toBeLessThan(100_000);
    const chat = 'sec-pixel-bomb';
    for (const text of ['Ciao', 'Accetto', '1', '1']) await simulatorSend(cloud, chat, { text });
    await simulatorSend(cloud, chat, { location: { lat: 43.8414, lng: 10.5731 } });
    const res = await fetch(`${cloud.url}/api/simulator/chats/${chat}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ photo: { mimeType: 'image/png', base64: bomb.toString('base64') } }),
    });
    expect(res.status).toBe(200);
    const replies = ((await res.json()) as { replies: Array<{ text: string }> }).replies.map((r) => r.text).join('\n');
    expect(replies).toContain('troppo grande');
    expect(replies).not.toContain('Foto ricevuta');
  });

  it('a normal photo still goes through', async () => {
    const chat = 'sec-normal-photo';
    for (const text of ['Ciao', 'Accetto', '1', '1']) await simulatorSend(cloud, chat, { text });
    await simulatorSend(cloud, chat, { location: { lat: 43.8414, lng: 10.5731 } });
    const replies = await simulatorSend(cloud, chat, { photo: true });
    expect(replies.join('\n')).toContain('Foto ricevuta');
    expect((await makeJpeg()).length).toBeGreaterThan(0);
  });
});

describe('media are downloaded only from allowed hosts', () => {
  it('the Graph API bearer token is never sent to a media URL outside MEDIA_ALLOWED_HOSTS', async () => {
    const mediaId = graph.addMedia(await makeJpeg());
    const before = graph.calls.length;
    const msg = waMessage.image(mediaId);
    expect((await postWebhook(cloud.url, messagesNotification({ waId: '393330000002', name: 'Bruno' }, msg))).status).toBe(200);
    const stored = await cloud.storage.inbox.get('whatsapp-cloud', msg.id);
    expect(stored?.payload).toEqual({ kind: 'photo', failure: 'download_failed' });
    const calls = graph.calls.slice(before);
    // The lookup (configured Graph API base) happened; the download from the named URL did not.
    expect(calls.some((c) => c.path.includes(mediaId) && !c.path.includes('attachments'))).toBe(true);
    expect(calls.filter((c) => c.path.includes('attachments'))).toEqual([]);
  });
});

describe('public endpoints are rate limited', () => {
  it('the simulator answers 429 after its per-minute budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${limited.url}/api/simulator/chats/sec-flood/messages`, { method: 'GET' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('the WhatsApp webhook answers 429 after its per-minute budget, signed or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await postWebhook(limited.url, undefined, { raw: '{}', signature: null })).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
