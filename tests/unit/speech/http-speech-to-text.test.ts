/**
 * The OpenAI-compatible speech-to-text adapter against the protocol-level fake on 127.0.0.1: the
 * multipart request (file, model, language, response_format, bearer token), and how each kind of
 * failure is classified (down or 5xx: unavailable, worth waiting for; 4xx, timeout: failed).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSpeechToText } from '../../../src/speech/http-speech-to-text';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';

const VOICE = readFileSync(path.join(__dirname, '../../fixtures/voice/rifiuti-it.ogg'));
let stt: FakeSpeechToText;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
});
afterAll(async () => {
  await stt?.close();
});

const client = (extra: { apiKey?: string; timeoutMs?: number; url?: string } = {}) =>
  createHttpSpeechToText({ url: extra.url ?? stt.url, model: 'Systran/faster-whisper-small', timeoutMs: extra.timeoutMs ?? 2000, apiKey: extra.apiKey });

describe('http speech-to-text adapter', () => {
  it('posts the voice note as multipart file + model + language, with the bearer token; returns the trimmed text', async () => {
    stt.say('it', '  Ci sono   sacchi di rifiuti \n');
    const result = await client({ apiKey: 'local-secret' }).transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' });
    expect(result).toEqual({ ok: true, text: 'Ci sono sacchi di rifiuti' });
    const call = stt.calls.at(-1)!;
    expect(call).toMatchObject({
      model: 'Systran/faster-whisper-small',
      language: 'it',
      fileType: 'audio/ogg',
      fileName: 'voice-note.ogg',
      responseFormat: 'json',
      authorization: 'Bearer local-secret',
    });
    expect(call.bytes.equals(VOICE)).toBe(true);
    await client().transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'en' });
    expect(stt.calls.at(-1)?.authorization, 'no key, no header').toBeUndefined();
    expect(stt.calls.at(-1)?.language).toBe('en');
  });

  it('a 500 or a refused connection is "unavailable"; a 400 or a timeout is "failed"', async () => {
    stt.setMode('error');
    expect(await client().transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' })).toMatchObject({ ok: false, reason: 'unavailable' });
    stt.setMode('bad-request');
    expect(await client().transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' })).toMatchObject({ ok: false, reason: 'failed' });
    stt.setMode('hang');
    const started = Date.now();
    expect(await client({ timeoutMs: 1000 }).transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' })).toMatchObject({
      ok: false,
      reason: 'failed',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    stt.setMode('normal');
    // A port nobody listens on.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = await client({ url: `http://127.0.0.1:${port}/v1/audio/transcriptions` }).transcribe({
      audio: VOICE,
      mimeType: 'audio/ogg',
      language: 'it',
    });
    expect(down).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('an answer that is not a transcript, or far too large, is "failed" without being parsed whole', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/huge') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"text":"${'a'.repeat(2_000_000)}"}`);
        } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"segments":[]}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await client({ url: `${base}/huge` }).transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' })).toMatchObject({
        ok: false,
        reason: 'failed',
        detail: 'answer too large',
      });
      expect(await client({ url: `${base}/notext` }).transcribe({ audio: VOICE, mimeType: 'audio/ogg', language: 'it' })).toMatchObject({
        ok: false,
        reason: 'failed',
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
