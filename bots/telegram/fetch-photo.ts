/**
 * Fetches a citizen's picture from Telegram (getFile, then the file URL of the configured Bot API
 * server), never reading more than the media limit, and hands the bytes to the media store, which
 * checks the content and strips EXIF. The result is the photo payload the dialog sees.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { InboundPayload } from '../../src/domain/message';
import type { MediaStore } from '../../src/domain/ports';
import { fetchAllowedMedia } from '../media-hosts';
import type { TelegramApi } from './telegram-api';
import type { MediaToFetch } from './update-to-inbound';

type PhotoPayload = Extract<InboundPayload, { kind: 'photo' }>;
export type Download = { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'download_failed' };

const DOWNLOAD_TIMEOUT_MS = 30_000;
const ATTEMPTS = 2;

async function readCapped(url: URL, maxBytes: number, allowedHosts: readonly string[]): Promise<Download> {
  // A local Bot API server (--local) answers absolute paths, which telegraf turns into file: URLs.
  if (url.protocol === 'file:') {
    const file = fileURLToPath(url);
    if ((await stat(file)).size > maxBytes) return { ok: false, reason: 'too_large' };
    return { ok: true, bytes: await readFile(file) };
  }
  const res = await fetchAllowedMedia(url.href, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }, allowedHosts);
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new Error(`file download answered ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    return { ok: false, reason: 'too_large' };
  }
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Fetches a file (getFile, then its URL), never reading more than maxBytes. */
export async function download(api: TelegramApi, media: MediaToFetch, maxBytes: number, allowedHosts: readonly string[]): Promise<Download> {
  if (media.fileSize !== undefined && media.fileSize > maxBytes) return { ok: false, reason: 'too_large' };
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const file = await api.getFile(media.fileId);
      if (file.file_size !== undefined && file.file_size > maxBytes) return { ok: false, reason: 'too_large' };
      return await readCapped(await api.getFileLink(file), maxBytes, allowedHosts);
    } catch (err) {
      // The Bot API refuses files over 20 MB with "file is too big".
      if (/too big/i.test((err as Error).message)) return { ok: false, reason: 'too_large' };
      lastError = err;
    }
  }
  throw lastError;
}

export async function fetchPhoto(
  deps: {
    api: TelegramApi;
    media: MediaStore;
    maxBytes: number;
    /** MEDIA_ALLOWED_HOSTS. */
    allowedHosts: readonly string[];
    onError(err: Error): void;
  },
  media: MediaToFetch,
): Promise<PhotoPayload> {
  const caption = media.caption ? { caption: media.caption } : {};
  let downloaded: Download;
  try {
    downloaded = await download(deps.api, media, deps.maxBytes, deps.allowedHosts);
  } catch (err) {
    // The message is still stored, with the failure: the dialog asks the citizen to send it again.
    deps.onError(err as Error);
    return { kind: 'photo', failure: 'download_failed', ...caption };
  }
  if (!downloaded.ok) return { kind: 'photo', failure: downloaded.reason, ...caption };
  const saved = await deps.media.saveImage(downloaded.bytes);
  if (!saved.ok) return { kind: 'photo', failure: saved.reason === 'too_large' ? 'too_large' : 'not_an_image', ...caption };
  return { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType, ...caption };
}
