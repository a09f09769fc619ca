/**
 * Voice notes for every channel: bounded before download (declared size and duration), then stored
 * in the audio store, which recognises the bytes by content. The result is the audio payload the
 * worker transcribes. Used only when the channel context has an audio store (SPEECH_TO_TEXT_URL).
 */
import type { AudioFailure, InboundPayload } from '../src/domain/message';
import type { AudioStore } from '../src/domain/ports';

export type AudioPayload = Extract<InboundPayload, { kind: 'audio' }>;
export type VoiceNoteLimits = { maxBytes: number; maxSeconds: number };

/** Why a voice note is refused before its bytes are fetched, from what the platform declared. */
export function refusedBeforeDownload(limits: VoiceNoteLimits, declared: { bytes?: number; seconds?: number }): AudioFailure | undefined {
  if (declared.seconds !== undefined && declared.seconds > limits.maxSeconds) return 'too_long';
  if (declared.bytes !== undefined && declared.bytes > limits.maxBytes) return 'too_large';
  return undefined;
}

export function audioPayload(voice: boolean, seconds: number | undefined, rest: Partial<AudioPayload> = {}): AudioPayload {
  return { kind: 'audio', voice, ...(seconds !== undefined && Number.isFinite(seconds) ? { seconds } : {}), ...rest };
}

/** Saves downloaded bytes; a storage fault (disk full) is thrown so the platform delivers again. */
export async function saveVoiceNote(store: AudioStore, bytes: Buffer, voice: boolean, seconds?: number): Promise<AudioPayload> {
  const saved = await store.saveAudio(bytes);
  if (!saved.ok) return audioPayload(voice, seconds, { failure: saved.reason === 'too_large' ? 'too_large' : 'not_audio' });
  return audioPayload(voice, seconds, { mediaRef: saved.ref, mimeType: saved.mimeType });
}
