/**
 * Voice notes over the Cloud API, end to end: a signed `audio` (voice) notification, the media
 * lookup and download from the fake Graph API, the fake speech-to-text server, and the
 * confirmation answered by pressing the "Sì" button the bot sent. A redelivered notification is
 * not downloaded twice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';
import { storedKeys } from '../../support/stored-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, waMessage } from './meta-webhook';
import { waitFor } from './wait-for';

const VOICE = readFileSync(path.join(__dirname, '../../fixtures/voice/lamp-en.ogg'));

let graph: FakeGraphApi;
let stt: FakeSpeechToText;
let app: TestApp;

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  stt = await startFakeSpeechToText();
  app = await startTestApp(cloudSettings(graph.base, { SPEECH_TO_TEXT_URL: stt.url }));
});
afterAll(async () => {
  await app?.stop();
  await graph?.close();
  await stt?.close();
});

type Msg = ReturnType<(typeof waMessage)[keyof typeof waMessage]>;
type Sent = { text: string; buttons: Array<{ id: string; title: string }> };

async function say(citizen: { waId: string; name: string }, message: Msg): Promise<Sent[]> {
  const res = await postWebhook(app.url, messagesNotification(citizen, message));
  expect(res.status).toBe(200);
  const records = await waitFor(
    async () => {
      const inbox = await app.storage.inbox.get('whatsapp-cloud', message.id);
      if (!inbox || inbox.state === 'received') return undefined;
      const out = await app.storage.outbound.listReplies('whatsapp-cloud', message.id);
      return out.length && out.every((r) => r.state !== 'queued') ? out : undefined;
    },
    15_000,
    `replies to ${message.type}`,
  );
  return records.map((r) => {
    const sent = graph.sent.find((s) => storedKeys(app.config).sentRef(s.wamid) === r.platformMessageId)!;
    const i = sent.body.interactive;
    return { text: sent.body.text?.body ?? i?.body?.text ?? '', buttons: (i?.action?.buttons ?? []).map((b) => ({ id: b.reply?.id ?? '', title: b.reply?.title ?? '' })) };
  });
}

describe('a voice note over the Cloud API', () => {
  it('is fetched through the Graph media download, transcribed in English, confirmed with the Yes button', async () => {
    const citizen = { waId: '393479876543', name: 'John Smith' };
    await say(citizen, waMessage.text('english'));
    await say(citizen, waMessage.text('I accept'));
    stt.say('en', 'a street lamp is broken in front of the school');
    const mediaId = graph.addMedia(VOICE, 'audio/ogg');
    const note = waMessage.audio(mediaId);
    const heard = await say(citizen, note);
    expect(heard.at(-1)?.text).toBe('🎤 I heard: «a street lamp is broken in front of the school». Is that right?');
    expect(heard.at(-1)?.buttons.map((b) => b.title)).toEqual(['Yes', 'No']);
    expect(stt.calls.at(-1)).toMatchObject({ language: 'en', fileType: 'audio/ogg' });
    expect(stt.calls.at(-1)?.bytes.equals(VOICE)).toBe(true);

    // Meta delivers the same notification again: stored once, downloaded once.
    const downloads = graph.calls.filter((c) => c.path.includes(mediaId)).length;
    expect((await postWebhook(app.url, messagesNotification(citizen, note))).status).toBe(200);
    expect(graph.calls.filter((c) => c.path.includes(mediaId)).length).toBe(downloads);

    const yes = heard.at(-1)!.buttons.find((b) => b.title === 'Yes')!;
    const next = await say(citizen, waMessage.buttonReply(yes));
    expect(next.map((s) => s.text).join('\n')).toContain('How do you know?');
  });
});
