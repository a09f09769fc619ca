/**
 * Voice notes, as a citizen sends them through the web simulator to the whole service (queue,
 * worker, engine, MongoDB-wire server), with a protocol-level fake of an OpenAI-compatible
 * speech-to-text server on 127.0.0.1. Real Ogg/Opus voice notes (tests/fixtures/voice). The
 * transcript is shown for confirmation, then used as typed text at any step (category, place,
 * description); "no" asks to write; failures and timeouts get a polite answer; an unreachable
 * server is waited for (the message is not lost); without SPEECH_TO_TEXT_URL the old answer stays.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNominatim, type FakeNominatim } from '../support/fake-nominatim';
import { startFakeSpeechToText, type FakeSpeechToText } from '../support/fake-speech-to-text';
import { expectTicketCode, makeJpeg } from '../support/report-script';
import { startTestApp, type TestApp } from '../support/test-app';

type Reply = { text: string; choices?: string[] };

const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/voice', name));
const RIFIUTI_IT = fixture('rifiuti-it.ogg');
const LAMP_EN = fixture('lamp-en.ogg');
const SILENCE_8S = fixture('silence-8s.ogg');

let stt: FakeSpeechToText;
let nominatim: FakeNominatim;
let app: TestApp;
let plain: TestApp;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
  nominatim = await startFakeNominatim();
  const geo = { GEOCODER_URL: nominatim.url, GEOCODER_USER_AGENT: 'Vicinato tests (tests@vicinato.example)' };
  app = await startTestApp({
    ...geo,
    SPEECH_TO_TEXT_URL: stt.url,
    SPEECH_TO_TEXT_MODEL: 'Systran/faster-whisper-small',
    SPEECH_TO_TEXT_TIMEOUT_MS: '1500',
    VOICE_NOTE_MAX_SECONDS: '6',
  });
  plain = await startTestApp(geo);
});
afterAll(async () => {
  await app?.stop();
  await plain?.stop();
  await stt?.close();
  await nominatim?.close();
});

async function post(target: TestApp, chatId: string, body: object): Promise<{ status: number; replies: Reply[] }> {
  const res = await fetch(`${target.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { replies?: Reply[] };
  return { status: res.status, replies: json.replies ?? [] };
}

const said = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const send = async (chatId: string, body: object, target = app) => {
  const { status, replies } = await post(target, chatId, body);
  expect(status, said(replies)).toBe(200);
  return replies;
};
const text = (chatId: string, t: string) => send(chatId, { text: t });
const voice = (chatId: string, bytes: Buffer, target = app) => send(chatId, { voice: { base64: bytes.toString('base64') } }, target);
const storedAudio = (target: TestApp) => readdirSync(target.config.MEDIA_DIR).filter((f) => f.startsWith('aud_'));

describe('voice notes (Italian)', () => {
  it('a voice note at every step: heard, confirmed, used as typed text; the report carries the transcript; no audio is kept', async () => {
    const chat = 'voice-it-full';
    await text(chat, 'Buongiorno');
    expect(said(await text(chat, 'Accetto'))).toContain('Che cosa vuoi segnalare?');

    // Category, by voice.
    stt.say('it', 'Ci sono sacchi di rifiuti abbandonati');
    const heard = await voice(chat, RIFIUTI_IT);
    expect(heard.at(-1)?.text).toBe('🎤 Ho capito: «Ci sono sacchi di rifiuti abbandonati». È corretto?');
    expect(heard.at(-1)?.choices).toEqual(['Sì', 'No']);
    const call = stt.calls.at(-1)!;
    expect(call).toMatchObject({ model: 'Systran/faster-whisper-small', language: 'it', fileType: 'audio/ogg', responseFormat: 'json' });
    expect(call.bytes.equals(RIFIUTI_IT), 'the voice note reaches the server byte for byte').toBe(true);
    expect(said(await text(chat, 'Sì')), 'the transcript answered the category question').toContain('Come lo sai?');

    await text(chat, '1');
    // Place, by voice: the transcript is geocoded like a typed address.
    stt.say('it', 'Piazza Aldo Moro 1');
    expect(said(await voice(chat, RIFIUTI_IT))).toContain('Ho capito: «Piazza Aldo Moro 1»');
    const place = said(await text(chat, 'si'));
    expect(place).toMatch(/Piazza Aldo Moro/);
    // Whatever the address confirmation asks, answer it as a citizen would until the photo question.
    let last = place;
    for (let i = 0; i < 3 && !last.includes('Hai una foto?'); i++) last = said(await text(chat, 'Sì'));
    expect(last).toContain('Hai una foto?');
    await send(chat, { photo: { mimeType: 'image/jpeg', base64: (await makeJpeg()).toString('base64') } });

    // Description, by voice; a "no" first, then the right one.
    stt.say('it', 'Ci sono sacchi di rifiuti', 'Ci sono sacchi di rifiuti abbandonati in via Roma da tre giorni');
    expect(said(await voice(chat, RIFIUTI_IT))).toContain('«Ci sono sacchi di rifiuti»');
    const rejected = said(await text(chat, 'No'));
    expect(rejected).toContain('Ok, non lo uso. Scrivimelo pure, oppure manda un altro vocale');
    expect(rejected, 'the description question again').toContain('descrivi in breve');
    expect(said(await voice(chat, RIFIUTI_IT))).toContain('«Ci sono sacchi di rifiuti abbandonati in via Roma da tre giorni»');
    const summary = said(await text(chat, 'Sì, corretto'));
    expect(summary).toContain('Ecco il riepilogo');
    expect(summary).toContain('Ci sono sacchi di rifiuti abbandonati in via Roma da tre giorni');

    const code = expectTicketCode(said(await text(chat, 'Invia')));
    const report = await app.mongo.collection('reports').findOne({ ticketCode: code });
    expect(report?.categoryId).toBe('abandoned_waste');
    expect(report?.description).toBe('Ci sono sacchi di rifiuti abbandonati in via Roma da tre giorni');
    expect(storedAudio(app), 'VOICE_NOTES_KEEP_AUDIO is false by default: the voice is deleted once transcribed').toEqual([]);
  });

  it('something typed instead of yes/no is used as the answer; the pending transcript is dropped', async () => {
    const chat = 'voice-it-typed';
    await text(chat, 'Buongiorno');
    await text(chat, 'Accetto');
    stt.say('it', 'boh non so');
    expect(said(await voice(chat, RIFIUTI_IT))).toContain('«boh non so»');
    expect(said(await text(chat, 'rifiuti'))).toContain('Come lo sai?');
    expect(said(await text(chat, 'Sì')), '"Sì" now answers the next question, not the old transcript').not.toContain('boh non so');
  });

  it('an emergency heard in a voice note gets the 112 notice at once', async () => {
    const chat = 'voice-it-emergency';
    await text(chat, 'Buongiorno');
    await text(chat, 'Accetto');
    stt.say('it', "c'è un incendio in una casa e una persona ferita");
    const replies = said(await voice(chat, RIFIUTI_IT));
    expect(replies).toContain('chiama subito il 112');
    expect(replies).toContain('Ho capito:');
  });

  it('too long by its content (Ogg duration), refused before upload; a 400 or a hang: asked to write instead', async () => {
    const chat = 'voice-it-failures';
    await text(chat, 'Buongiorno');
    await text(chat, 'Accetto');
    const calls = stt.calls.length;
    const long = said(await voice(chat, SILENCE_8S));
    expect(long).toContain('Il vocale è troppo lungo per me');
    expect(long, 'the question again').toContain('Che cosa vuoi segnalare?');
    expect(stt.calls.length, 'an 8 s note over the 6 s bound is never uploaded').toBe(calls);

    stt.setMode('bad-request');
    try {
      const failed = said(await voice(chat, RIFIUTI_IT));
      expect(failed).toContain('in questo momento non riesco ad ascoltare il vocale. Puoi scrivermi il messaggio?');
      expect(failed).toContain('Che cosa vuoi segnalare?');
      stt.setMode('hang');
      const started = Date.now();
      expect(said(await voice(chat, RIFIUTI_IT))).toContain('non riesco ad ascoltare il vocale');
      expect(Date.now() - started, 'SPEECH_TO_TEXT_TIMEOUT_MS bounds the wait').toBeLessThan(8000);
      stt.setMode('empty');
      expect(said(await voice(chat, RIFIUTI_IT))).toContain('Non sono riuscito a sentire parole');
    } finally {
      stt.setMode('normal');
    }
    expect(said(await text(chat, 'rifiuti')), 'typing still works').toContain('Come lo sai?');
  });

  it('a server that is down does not lose the voice note: it is transcribed once the server is back', async () => {
    const chat = 'voice-it-down';
    await text(chat, 'Buongiorno');
    await text(chat, 'Accetto');
    stt.say('it', 'rifiuti abbandonati');
    await stt.stop();
    const pending = post(app, chat, { voice: { base64: RIFIUTI_IT.toString('base64') } });
    await new Promise((r) => setTimeout(r, 1500));
    const calls = stt.calls.length;
    await stt.start();
    const { status, replies } = await pending;
    expect(status, 'answered within the simulator wait once the server is back').toBe(200);
    expect(said(replies)).toContain('Ho capito: «rifiuti abbandonati»');
    expect(stt.calls.length).toBe(calls + 1);
    expect(said(await text(chat, 'Sì'))).toContain('Come lo sai?');
  });
});

describe('voice notes (English)', () => {
  it('an English voice note: the language hint is "en", the transcript confirmed with "yes" answers the question', async () => {
    const chat = 'voice-en';
    await text(chat, 'english');
    expect(said(await text(chat, 'I accept'))).toContain('What would you like to report?');
    stt.say('en', 'There is a broken street lamp');
    const heard = await voice(chat, LAMP_EN);
    expect(heard.at(-1)?.text).toBe('🎤 I heard: «There is a broken street lamp». Is that right?');
    expect(heard.at(-1)?.choices).toEqual(['Yes', 'No']);
    expect(stt.calls.at(-1)?.language).toBe('en');
    expect(said(await text(chat, 'yes'))).toContain('How do you know?');

    await text(chat, '1');
    stt.say('en', 'whatever');
    await voice(chat, LAMP_EN);
    const rejected = said(await text(chat, 'no'));
    expect(rejected).toContain("OK, I won't use it. Please write it");
    expect(rejected).toContain('Where?');
  });

  it('English failure wording', async () => {
    const chat = 'voice-en-fail';
    await text(chat, 'english');
    await text(chat, 'I accept');
    stt.setMode('bad-request');
    try {
      expect(said(await voice(chat, LAMP_EN))).toContain('Sorry, I cannot listen to that voice note right now. Could you write your message?');
    } finally {
      stt.setMode('normal');
    }
  });
});

describe('without SPEECH_TO_TEXT_URL', () => {
  it('a voice note gets the old answer and nothing is stored or sent anywhere', async () => {
    const chat = 'voice-off';
    await send(chat, { text: 'Buongiorno' }, plain);
    await send(chat, { text: 'Accetto' }, plain);
    const calls = stt.calls.length;
    const replies = said(await voice(chat, RIFIUTI_IT, plain));
    expect(replies).toContain('Mi dispiace, non riesco ad ascoltare i vocali');
    expect(replies).toContain('Che cosa vuoi segnalare?');
    expect(stt.calls.length).toBe(calls);
    expect(storedAudio(plain)).toEqual([]);
  });
});
