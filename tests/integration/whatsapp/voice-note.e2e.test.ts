/**
 * Voice notes on whatsapp-web.js (`ptt`) in the running service with the fake client and a fake
 * speech-to-text server: the note is downloaded, transcribed, confirmed by its number in the menu
 * and used (and kept, as this deployment asks); one declared longer than allowed is never downloaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhatsappMessageLike } from '../../../bots/whatsapp';
import { createFakeWhatsapp, waMessage, type FakeWhatsappClient } from '../../support/fake-whatsapp-client';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';
import { startTestApp, type TestApp } from '../../support/test-app';
import { repliesSent, waitFor } from './whatsapp-test-kit';

const VOICE = readFileSync(path.join(__dirname, '../../fixtures/voice/rifiuti-it.ogg'));
const fake = createFakeWhatsapp();
let app: TestApp;
let stt: FakeSpeechToText;
let wa: FakeWhatsappClient;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
  app = await startTestApp(
    // This deployment keeps the audio (VOICE_NOTES_KEEP_AUDIO): police only, never served.
    { SERVICES: 'web,worker,whatsapp', SPEECH_TO_TEXT_URL: stt.url, VOICE_NOTE_MAX_SECONDS: '60', VOICE_NOTES_KEEP_AUDIO: 'true' },
    { whatsapp: { clientFactory: fake.factory } },
  );
  wa = await waitFor(() => fake.clients[0], 'the WhatsApp client to be created');
  wa.loginAndReady();
});
afterAll(async () => {
  await app?.stop();
  await stt?.close();
});

async function send(msg: WhatsappMessageLike): Promise<string> {
  const before = wa.sentTo(msg.from).length;
  wa.deliver(msg);
  const replies = await repliesSent(app, msg);
  const received = await waitFor(() => {
    const texts = wa.sentTo(msg.from).slice(before);
    return texts.length >= replies.length && texts;
  }, 'the replies to reach the citizen');
  return received.map((s) => s.content).join('\n');
}

describe('a voice note on WhatsApp Web', () => {
  it('is transcribed, confirmed by number and used as the answer; a too long one is not downloaded', async () => {
    const citizen = '393331299901@c.us';
    await send(waMessage.text(citizen, 'Buongiorno'));
    expect(await send(waMessage.text(citizen, 'Accetto'))).toContain('Che cosa vuoi segnalare?');

    stt.say('it', 'rifiuti abbandonati in via Roma');
    const downloads = { count: 0 };
    const heard = await send(waMessage.voice(citizen, VOICE, 4, downloads));
    expect(heard).toContain('🎤 Ho capito: «rifiuti abbandonati in via Roma». È corretto?');
    expect(heard).toMatch(/^1\. Sì\n2\. No$/m);
    expect(downloads.count).toBe(1);
    expect(stt.calls.at(-1)?.bytes.equals(VOICE)).toBe(true);
    expect(await send(waMessage.text(citizen, '1'))).toContain('Come lo sai?');
    const kept = readdirSync(app.config.MEDIA_DIR).filter((f) => f.startsWith('aud_'));
    expect(kept, 'VOICE_NOTES_KEEP_AUDIO=true keeps the voice note').toHaveLength(1);
    expect(readFileSync(`${app.config.MEDIA_DIR}/${kept[0]}`).equals(VOICE)).toBe(true);

    const long = { count: 0 };
    const calls = stt.calls.length;
    const refused = await send(waMessage.voice(citizen, VOICE, 900, long));
    expect(refused).toContain('Il vocale è troppo lungo per me');
    expect(long.count, 'refused by its declared duration before download').toBe(0);
    expect(stt.calls.length).toBe(calls);
  });
});
