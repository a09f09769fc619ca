/**
 * Voice notes on Telegram (webhook mode), through the real service, the fake Bot API (getFile and
 * the file download) and a fake OpenAI-compatible speech-to-text server: a real Ogg/Opus voice note
 * is fetched, transcribed with the citizen's language as a hint, shown for confirmation with Sì/No
 * buttons and used as the answer; one declared longer than allowed is never downloaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';
import { startFakeTelegram, type FakeTelegram, type Json } from '../../support/fake-telegram-api';
import { startTelegramApp, type TelegramHarness } from './telegram-harness';

const VOICE = readFileSync(path.join(__dirname, '../../fixtures/voice/rifiuti-it.ogg'));
const buttons = (reply: Json | undefined): string[] => reply?.reply_markup?.keyboard?.flat().map((b: { text: string }) => b.text) ?? [];
const said = (replies: Json[]) => replies.map((r) => r.text).join('\n');

let fake: FakeTelegram;
let stt: FakeSpeechToText;
let h: TelegramHarness;

beforeAll(async () => {
  fake = await startFakeTelegram();
  stt = await startFakeSpeechToText();
  h = await startTelegramApp(fake, 'webhook', { SPEECH_TO_TEXT_URL: stt.url, VOICE_NOTE_MAX_SECONDS: '60' });
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
  await stt?.close();
});

describe('a voice note on Telegram', () => {
  it('is downloaded, transcribed in Italian, confirmed with a button and answers the question', async () => {
    const citizen = fake.citizen({ firstName: 'Anna', languageCode: 'it' });
    await h.exchange(citizen.text('Buongiorno'));
    expect(said(await h.exchange(citizen.text('Accetto')))).toContain('Che cosa vuoi segnalare?');
    stt.say('it', 'sacchi di rifiuti abbandonati davanti al cimitero');
    const heard = await h.exchange(citizen.voice(VOICE, 4));
    expect(heard.at(-1)?.text).toBe('🎤 Ho capito: «sacchi di rifiuti abbandonati davanti al cimitero». È corretto?');
    expect(buttons(heard.at(-1))).toEqual(['Sì', 'No']);
    expect(stt.calls.at(-1)?.language).toBe('it');
    expect(stt.calls.at(-1)?.bytes.equals(VOICE), 'the bytes Telegram served reach the server unchanged').toBe(true);
    expect(said(await h.exchange(citizen.text('Sì')))).toContain('Come lo sai?');
  });

  it('declared longer than VOICE_NOTE_MAX_SECONDS: not downloaded, not sent, the citizen is asked for a shorter one', async () => {
    const citizen = fake.citizen({ firstName: 'Bruno', languageCode: 'it' });
    await h.exchange(citizen.text('Buongiorno'));
    await h.exchange(citizen.text('Accetto'));
    const getFiles = fake.calls.filter((c) => c.method === 'getFile').length;
    const calls = stt.calls.length;
    const replies = said(await h.exchange(citizen.voice(VOICE, 600)));
    expect(replies).toContain('Il vocale è troppo lungo per me');
    expect(replies).toContain('Che cosa vuoi segnalare?');
    expect(fake.calls.filter((c) => c.method === 'getFile').length, 'no getFile for a note refused by its declared duration').toBe(getFiles);
    expect(stt.calls.length).toBe(calls);
  });
});
