/**
 * A citizen's photo: Graph API media id -> URL -> bytes -> media store. Done before the message is
 * stored (the inbox keeps a media reference, never a platform id to fetch later), inside a time
 * budget so Meta gets its answer quickly; a photo that cannot be fetched becomes a photo payload
 * with a failure the dialog can explain, instead of a lost message.
 */
import type { InboundPayload } from '../../src/domain/message';
import type { AudioStore, MediaStore } from '../../src/domain/ports';
import { audioPayload, refusedBeforeDownload, saveVoiceNote, type VoiceNoteLimits } from '../voice-note';
import type { Logger } from '../../src/log/logger';
import type { GraphClient } from './graph-api.client';

export type ImageDownloader = (image: { id: string; caption?: string }) => Promise<InboundPayload>;

export function createImageDownloader(deps: {
  graph: GraphClient;
  media: MediaStore;
  maxBytes: number;
  /** Budget for the lookup and the download together. */
  timeoutMs: number;
  logger: Logger;
}): ImageDownloader {
  return async (image) => {
    const caption = image.caption?.trim() || undefined;
    const failed = (failure: 'too_large' | 'not_an_image' | 'download_failed'): InboundPayload => ({
      kind: 'photo',
      ...(caption ? { caption } : {}),
      failure,
    });
    let bytes: Buffer;
    try {
      const signal = AbortSignal.timeout(deps.timeoutMs);
      const info = await deps.graph.getMediaInfo(image.id, signal);
      if (info.fileSize !== undefined && info.fileSize > deps.maxBytes) return failed('too_large');
      const download = await deps.graph.downloadMedia(info.url, deps.maxBytes, signal);
      if (!download.ok) return failed('too_large');
      bytes = download.bytes;
    } catch (err) {
      deps.logger.warn(`whatsapp-cloud: photo ${image.id} not downloaded: ${(err as Error).message}`);
      return failed('download_failed');
    }
    // A storage fault (disk full) is thrown: the webhook answers 500 and Meta delivers again.
    const saved = await deps.media.saveImage(bytes);
    if (!saved.ok) return failed(saved.reason === 'too_large' ? 'too_large' : 'not_an_image');
    return { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType, ...(caption ? { caption } : {}) };
  };
}

export type AudioDownloader = (audio: { id: string; voice: boolean }) => Promise<InboundPayload>;

/**
 * A citizen's voice note (`audio` with `voice: true`) or audio file: Graph media id -> URL -> bytes
 * -> audio store, refused before download when the declared size is over the bound (the Cloud API
 * declares no duration: the worker reads it from the Ogg content before upload).
 */
export function createAudioDownloader(deps: {
  graph: GraphClient;
  audio: AudioStore;
  limits: VoiceNoteLimits;
  timeoutMs: number;
  logger: Logger;
}): AudioDownloader {
  return async ({ id, voice }) => {
    let bytes: Buffer;
    try {
      const signal = AbortSignal.timeout(deps.timeoutMs);
      const info = await deps.graph.getMediaInfo(id, signal);
      const refused = refusedBeforeDownload(deps.limits, { bytes: info.fileSize });
      if (refused) return audioPayload(voice, undefined, { failure: refused });
      const download = await deps.graph.downloadMedia(info.url, deps.limits.maxBytes, signal);
      if (!download.ok) return audioPayload(voice, undefined, { failure: 'too_large' });
      bytes = download.bytes;
    } catch (err) {
      deps.logger.warn(`whatsapp-cloud: voice note ${id} not downloaded: ${(err as Error).message}`);
      return audioPayload(voice, undefined, { failure: 'download_failed' });
    }
    return saveVoiceNote(deps.audio, bytes, voice);
  };
}
