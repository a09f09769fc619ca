/**
 * Fetches a citizen's voice note (or audio file) from Telegram into the audio store, refusing
 * before download one longer or larger than allowed (Telegram declares both). A failed download
 * still becomes a stored message, so the dialog can ask the citizen to write instead.
 */
import type { AudioStore } from '../../src/domain/ports';
import { audioPayload, refusedBeforeDownload, saveVoiceNote, type AudioPayload, type VoiceNoteLimits } from '../voice-note';
import { download } from './fetch-photo';
import type { TelegramApi } from './telegram-api';
import type { MediaToFetch } from './update-to-inbound';

export async function fetchVoiceNote(
  deps: { api: TelegramApi; audio: AudioStore; limits: VoiceNoteLimits; allowedHosts: readonly string[]; onError(err: Error): void },
  media: MediaToFetch & { audio: NonNullable<MediaToFetch['audio']> },
): Promise<AudioPayload> {
  const { voice, seconds } = media.audio;
  const refused = refusedBeforeDownload(deps.limits, { bytes: media.fileSize, seconds });
  if (refused) return audioPayload(voice, seconds, { failure: refused });
  let downloaded;
  try {
    downloaded = await download(deps.api, media, deps.limits.maxBytes, deps.allowedHosts);
  } catch (err) {
    deps.onError(err as Error);
    return audioPayload(voice, seconds, { failure: 'download_failed' });
  }
  if (!downloaded.ok) return audioPayload(voice, seconds, { failure: downloaded.reason });
  return saveVoiceNote(deps.audio, downloaded.bytes, voice, seconds);
}
