/**
 * The transcription use case on the real disk audio store and the HTTP adapter against the fake
 * server: the duration bound read from the content, a server that is down waited for within the
 * window (the job is retried later without using an attempt), then a polite failure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcribeVoiceNote, type VoiceNotes } from '../../../src/app/intake/transcribe-voice-note';
import { RetryLaterError } from '../../../src/queue/task';
import { createHttpSpeechToText } from '../../../src/speech/http-speech-to-text';
import { createDiskAudioStore } from '../../../src/storage/audio-store';
import { startFakeSpeechToText, type FakeSpeechToText } from '../../support/fake-speech-to-text';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/voice', name));
const dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-audio-'));
let stt: FakeSpeechToText;
let deps: VoiceNotes;

beforeAll(async () => {
  stt = await startFakeSpeechToText();
  deps = {
    speech: createHttpSpeechToText({ url: stt.url, model: 'm', timeoutMs: 2000 }),
    audio: createDiskAudioStore(dir, 1024 * 1024),
    maxSeconds: 6,
    retryWindowMs: 10 * 60_000,
    keepAudio: false,
  };
});
afterAll(async () => {
  await stt?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stored(name: string) {
  const saved = await deps.audio.saveAudio(fixture(name));
  if (!saved.ok) throw new Error(saved.reason);
  return { kind: 'audio' as const, voice: true, mediaRef: saved.ref, mimeType: saved.mimeType };
}

describe('transcribeVoiceNote', () => {
  const now = new Date('2026-12-04T10:00:00Z');

  it('gives the transcript, or too_long from the Ogg content without calling the server', async () => {
    stt.say('it', 'lampione spento');
    expect(await transcribeVoiceNote(deps, await stored('rifiuti-it.ogg'), 'it', now, now)).toMatchObject({ transcript: 'lampione spento' });
    const calls = stt.calls.length;
    expect(await transcribeVoiceNote(deps, await stored('silence-8s.ogg'), 'it', now, now)).toMatchObject({ transcriptFailure: 'too_long' });
    expect(stt.calls.length).toBe(calls);
  });

  it('a server answering 500: retried later within the window, then asked to write', async () => {
    stt.setMode('error');
    try {
      const note = await stored('rifiuti-it.ogg');
      const retry = transcribeVoiceNote(deps, note, 'it', new Date(now.getTime() - 5_000), now);
      await expect(retry).rejects.toBeInstanceOf(RetryLaterError);
      await expect(retry).rejects.toMatchObject({ delayMs: 1250 });
      const late = await transcribeVoiceNote(deps, note, 'it', new Date(now.getTime() - 11 * 60_000), now);
      expect(late).toMatchObject({ transcriptFailure: 'unavailable' });
    } finally {
      stt.setMode('normal');
    }
  });

  it('bytes gone (already deleted) or never downloaded: no call, a failure the dialog explains', async () => {
    const note = await stored('rifiuti-it.ogg');
    await deps.audio.deleteAudio(note.mediaRef);
    expect(await transcribeVoiceNote(deps, note, 'it', now, now)).toMatchObject({ transcriptFailure: 'failed' });
    const refused = { kind: 'audio' as const, voice: true, failure: 'too_large' as const };
    expect(await transcribeVoiceNote(deps, refused, 'it', now, now)).toEqual(refused);
  });
});
