/**
 * Webhook mode through the real service (web + worker + telegram roles, real MongoDB-wire server
 * and Redis) against the fake Bot API: what Telegram posts is checked, stored before the 200, and
 * answered through the outbound queue.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { WEBHOOK_PUBLIC_URL, WEBHOOK_SECRET, inboxKey, postUpdate, startTelegramApp, type TelegramHarness } from './telegram-harness';
import { storedKeys } from '../../support/stored-keys';

const MEDIA_MAX_BYTES = 200_000;

let fake: FakeTelegram;
let h: TelegramHarness;

const jpeg = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 120, g: 140, b: 90 } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await startTelegramApp(fake, 'webhook', { MEDIA_MAX_BYTES: String(MEDIA_MAX_BYTES) });
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

describe('telegram webhook', () => {
  it('registers the webhook with its secret and the commands in Italian and English', async () => {
    expect(fake.webhook).toEqual({ url: WEBHOOK_PUBLIC_URL, secret: WEBHOOK_SECRET });
    const setWebhook = fake.callsOf('setWebhook')[0]!;
    expect(setWebhook.params.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
    const menus = fake.callsOf('setMyCommands').map((c) => ({ lang: c.params.language_code, commands: c.params.commands }));
    expect(menus.map((m) => m.lang)).toEqual([undefined, 'it', 'en']);
    for (const m of menus)
      expect(m.commands.map((c: { command: string }) => c.command)).toEqual(['start', 'annulla', 'stato', 'aiuto', 'privacy', 'lingua']);
    expect(menus[2]!.commands[1].description).toBe('Cancel the current report');
    expect(menus[1]!.commands[1].description).toBe('Annulla la segnalazione in corso');
  });

  it('reports itself ready once the webhook is registered', async () => {
    const res = await fetch(`${h.app.url}/readyz`);
    expect(res.status).toBe(200);
    expect((await res.json()).checks.telegram).toEqual({ state: 'up', mode: 'webhook', registered: true });
  });

  it('refuses an update without the secret or with a wrong one, and stores nothing', async () => {
    const citizen = fake.citizen();
    const update = citizen.text('Ciao');
    const missing = await postUpdate(h.app.url, update, null);
    const wrong = await postUpdate(h.app.url, update, 'not-the-secret');
    const almost = await postUpdate(h.app.url, update, `${WEBHOOK_SECRET}x`);
    expect([missing.status, wrong.status, almost.status]).toEqual([401, 401, 401]);
    expect((await wrong.json()).error).toMatch(/x-telegram-bot-api-secret-token/);
    expect(await h.app.storage.inbox.get('telegram', inboxKey(update))).toBeNull();
    expect(
      await h.app.storage.identities.get(citizenRefFactory(h.app.config.CITIZEN_REF_SECRET)('telegram', String(citizen.chatId))),
    ).toBeNull();
    // The same update with the secret is accepted: the refusal was about the secret only.
    expect((await postUpdate(h.app.url, update)).status).toBe(200);
  });

  it('has the message in the inbox when the 200 goes back, then answers it', async () => {
    const citizen = fake.citizen({ firstName: 'Giulia', lastName: 'Bianchi', username: 'giuliab' });
    const update = citizen.text('Buongiorno');
    const res = await postUpdate(h.app.url, update);
    expect(res.status).toBe(200);
    const stored = await h.app.storage.inbox.get('telegram', inboxKey(update));
    expect(stored).toMatchObject({ chatId: String(citizen.chatId), payload: { kind: 'text', text: 'Buongiorno' } });
    const replies = await h.exchange(update);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => String(r.chat_id) === String(citizen.chatId))).toBe(true);
  });

  it('makes one inbox message and one set of replies of an update delivered twice', async () => {
    const citizen = fake.citizen();
    const update = citizen.text('Ciao');
    const first = await h.exchange(update);
    expect((await postUpdate(h.app.url, update)).status).toBe(200);
    // A later message is answered after the duplicate would have been: nothing came in between.
    const barrier = citizen.text('aiuto');
    await h.exchange(barrier);
    const answers = await h.app.storage.outbound.listForChat('telegram', String(citizen.chatId));
    expect(answers.filter((a) => a.inReplyTo === storedKeys(h.app.config).messageRef('telegram', inboxKey(update)))).toHaveLength(first.length);
    expect(fake.sentTo(citizen.chatId)).toHaveLength(answers.length);
  });

  it('downloads the largest size of a photo, checks it and stores it for the police', async () => {
    const citizen = fake.citizen();
    const update = citizen.photo(await jpeg(640, 480), 'Sacchi di rifiuti');
    expect((await postUpdate(h.app.url, update)).status).toBe(200);
    const stored = await h.app.storage.inbox.get('telegram', inboxKey(update));
    expect(stored?.payload).toMatchObject({ kind: 'photo', caption: 'Sacchi di rifiuti', mimeType: 'image/jpeg' });
    const ref = (stored!.payload as { mediaRef: string }).mediaRef;
    const saved = await sharp(await readFile(path.join(h.app.config.MEDIA_DIR, ref))).metadata();
    expect([saved.width, saved.height]).toEqual([640, 480]);
  });

  it('accepts an image sent as a file, and says why a file is not a photo', async () => {
    const citizen = fake.citizen();
    const asFile = citizen.document(await jpeg(), 'IMG_0042.JPG', 'image/jpeg');
    const fakeImage = citizen.document(Buffer.from('%PDF-1.7 not a picture'), 'foto.jpg', 'image/jpeg');
    const pdf = citizen.document(Buffer.from('%PDF-1.7'), 'verbale.pdf', 'application/pdf');
    for (const u of [asFile, fakeImage, pdf]) expect((await postUpdate(h.app.url, u)).status).toBe(200);
    const payload = async (u: typeof asFile) => (await h.app.storage.inbox.get('telegram', inboxKey(u)))?.payload;
    expect(await payload(asFile)).toMatchObject({ kind: 'photo', mediaRef: expect.stringMatching(/^img_/) });
    expect(await payload(fakeImage)).toEqual({ kind: 'photo', failure: 'not_an_image' });
    expect(await payload(pdf)).toEqual({ kind: 'other', platformType: 'document' });
  });

  it('refuses a photo over the size limit without downloading it', async () => {
    const citizen = fake.citizen();
    const downloadsBefore = fake.callsOf('downloadFile').length;
    const update = citizen.document(Buffer.alloc(MEDIA_MAX_BYTES + 1, 1), 'huge.png', 'image/png');
    expect((await postUpdate(h.app.url, update)).status).toBe(200);
    expect((await h.app.storage.inbox.get('telegram', inboxKey(update)))?.payload).toEqual({ kind: 'photo', failure: 'too_large' });
    expect(fake.callsOf('downloadFile').length).toBe(downloadsBefore);
  });

  it('stores a photo it could not fetch as a failed photo, so the citizen is asked again', async () => {
    const citizen = fake.citizen();
    const update = citizen.photo(await jpeg(), 'lampione');
    update.message.photo = update.message.photo.map((p: { file_id: string }) => ({ ...p, file_id: `${p.file_id}-expired` }));
    expect((await postUpdate(h.app.url, update)).status).toBe(200);
    expect((await h.app.storage.inbox.get('telegram', inboxKey(update)))?.payload).toEqual({
      kind: 'photo',
      failure: 'download_failed',
      caption: 'lampione',
    });
  });

  it('turns a button tap into text and answers the callback query', async () => {
    const citizen = fake.citizen();
    const tap = citizen.callback('Accetto');
    expect((await postUpdate(h.app.url, tap)).status).toBe(200);
    expect((await h.app.storage.inbox.get('telegram', inboxKey(tap)))?.payload).toEqual({ kind: 'text', text: 'Accetto' });
    expect(fake.callsOf('answerCallbackQuery').map((c) => c.params.callback_query_id)).toContain(tap.callback_query.id);
  });

  it('tells a group once that it works in private chats, and keeps nothing from it', async () => {
    const groupId = -100_777_000_123;
    for (const text of ['/start', 'Hanno rubato una bici in via Roma', 'ci sei?']) {
      const update = fake.groupMessage(text, groupId);
      expect((await postUpdate(h.app.url, update)).status).toBe(200);
      expect(await h.app.storage.inbox.get('telegram', inboxKey(update))).toBeNull();
    }
    const notices = fake.sentTo(groupId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/solo in chat privata/);
    expect(notices[0]!.text).toMatch(/private chat only/);
    expect(notices[0]!.text).toContain('https://t.me/VicinatoTestBot');
    expect(await h.app.storage.inbox.listPending('telegram', String(groupId))).toEqual([]);
  });

  it('records that a citizen blocked the bot', async () => {
    const citizen = fake.citizen();
    await h.exchange(citizen.text('Ciao'));
    const ref = citizenRefFactory(h.app.config.CITIZEN_REF_SECRET)('telegram', String(citizen.chatId));
    expect(await h.app.storage.identities.get(ref)).toMatchObject({ reachable: true, displayName: 'Maria Rossi' });
    expect((await postUpdate(h.app.url, citizen.blocks())).status).toBe(200);
    expect((await h.app.storage.identities.get(ref))?.reachable).toBe(false);
  });

  it('answers 400 with a reason to a body that is not an update', async () => {
    const res = await postUpdate(h.app.url, { message: { text: 'no update id' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/update_id/);
  });
});
