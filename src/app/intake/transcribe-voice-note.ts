/**
 * Turns a stored voice note into text for the dialog: reads its bytes from the audio store, checks
 * the duration from the content (a platform may not declare it), and asks the speech-to-text server
 * with the citizen's language as a hint. The dialog then shows the transcript for confirmation
 * (src/dialog/voice.ts) before using it as typed text.
 *
 * An unreachable server is an infrastructure fault: within `retryWindowMs` of the message's arrival
 * the job is retried later (the chat waits, nothing is lost); after that, and for an answer that is
 * not a transcript or a timeout, the citizen is asked to write instead.
 */
import { oggDurationSeconds } from '../../domain/audio-format';
import type { InboundPayload, Language } from '../../domain/message';
import type { AudioStore, SpeechToText } from '../../domain/ports';
import { RetryLaterError } from '../../queue/task';

type AudioPayload = Extract<InboundPayload, { kind: 'audio' }>;

export type VoiceNotes = {
  speech: SpeechToText;
  audio: AudioStore;
  maxSeconds: number;
  /** How long after arrival an unreachable server is waited for. */
  retryWindowMs: number;
  /** Keep the audio after the turn (VOICE_NOTES_KEEP_AUDIO); otherwise it is deleted. */
  keepAudio: boolean;
  onFailure?(detail: string): void;
};

/** How long to wait before asking an unreachable server again: a quarter of the wait so far, 1-30 s. */
const retryDelayMs = (waitedMs: number) => Math.min(30_000, Math.max(1000, Math.round(waitedMs / 4)));

export async function transcribeVoiceNote(
  deps: VoiceNotes,
  payload: AudioPayload,
  language: Language,
  receivedAt: Date,
  now: Date,
): Promise<AudioPayload> {
  if (payload.transcript !== undefined || payload.transcriptFailure || payload.failure || !payload.mediaRef) return payload;
  const stored = await deps.audio.readAudio(payload.mediaRef);
  if (!stored) return { ...payload, transcriptFailure: 'failed' };
  const seconds = oggDurationSeconds(stored.bytes);
  if (seconds !== undefined && seconds > deps.maxSeconds) return { ...payload, transcriptFailure: 'too_long' };
  const result = await deps.speech.transcribe({ audio: stored.bytes, mimeType: stored.mimeType, language });
  if (result.ok) return result.text ? { ...payload, transcript: result.text } : { ...payload, transcriptFailure: 'empty' };
  deps.onFailure?.(`speech-to-text ${result.reason}: ${result.detail}`);
  if (result.reason === 'unavailable') {
    const waited = now.getTime() - receivedAt.getTime();
    if (waited < deps.retryWindowMs)
      throw new RetryLaterError(`speech-to-text server unavailable (${result.detail}); the voice note waits`, retryDelayMs(waited));
    return { ...payload, transcriptFailure: 'unavailable' };
  }
  return { ...payload, transcriptFailure: 'failed' };
}
