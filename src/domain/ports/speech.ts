/**
 * Ports of voice notes: where their bytes are kept (police only, like photos) and the speech-to-text
 * server that turns them into text (an OpenAI-compatible /v1/audio/transcriptions endpoint,
 * implemented by src/speech/http-speech-to-text.ts).
 */
import type { Language } from '../message';

export type SavedAudio = { ok: true; ref: string; mimeType: string; bytes: number } | { ok: false; reason: 'too_large' | 'not_audio' | 'empty' };

/** Voice notes' bytes: recognised by content, stored under an unguessable name, never served publicly. */
export interface AudioStore {
  saveAudio(bytes: Buffer): Promise<SavedAudio>;
  readAudio(ref: string): Promise<{ bytes: Buffer; mimeType: string } | null>;
  /** Removes the bytes (no error when they are already gone). */
  deleteAudio(ref: string): Promise<void>;
  /** Every stored voice note and when it was saved: for retention's sweep of audio no message refers to. */
  listAudio(): Promise<Array<{ ref: string; savedAt: Date }>>;
}

export type TranscriptionRequest = {
  audio: Buffer;
  mimeType: string;
  /** The citizen's language: a hint for the recogniser (it still hears the other one). */
  language: Language;
};

/**
 * `unavailable`: the server could not be reached or answered 5xx/429 (an infrastructure fault:
 * worth waiting for); `failed`: it answered but not with a transcript (4xx, bad JSON) or took
 * longer than the timeout (asking again would cost the same wait).
 */
export type TranscriptionResult = { ok: true; text: string } | { ok: false; reason: 'unavailable' | 'failed'; detail: string };

export interface SpeechToText {
  transcribe(request: TranscriptionRequest): Promise<TranscriptionResult>;
}
