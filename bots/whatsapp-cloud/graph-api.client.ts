/**
 * The few Graph API calls the Cloud API channel makes: send a message, look up a media id, download
 * the media bytes. Speaks HTTP with the bearer token; turns Graph error bodies into GraphApiError so
 * callers can decide by Meta's error code.
 */

import { fetchAllowedMedia } from '../media-hosts';

/** A Graph API error answer: `{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }`. */
export class GraphApiError extends Error {
  override name = 'GraphApiError';
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
    /** Milliseconds from a Retry-After header, when Meta sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type MediaInfo = { url: string; mimeType?: string; fileSize?: number };

export type GraphClient = {
  /** POST /{phone-number-id}/messages; returns the wamid of the accepted message. */
  sendMessage(body: Record<string, unknown>): Promise<{ messageId?: string }>;
  /** GET /{media-id}: where the bytes are (the URL is valid for a few minutes). */
  getMediaInfo(mediaId: string, signal?: AbortSignal): Promise<MediaInfo>;
  /** GET the media URL with the bearer token; `too_large` as soon as more than maxBytes arrive. */
  downloadMedia(
    url: string,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' }>;
};

const SEND_TIMEOUT_MS = 15_000;

function retryAfterMs(res: Response): number | undefined {
  const header = res.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function toGraphError(res: Response, what: string): Promise<GraphApiError> {
  const text = await res.text().catch(() => '');
  let code: number | undefined;
  let message = `${what}: HTTP ${res.status}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } };
    if (typeof body.error?.code === 'number') code = body.error.code;
    else if (typeof body.error?.code === 'string' && /^\d+$/.test(body.error.code)) code = Number(body.error.code);
    const details = typeof body.error?.error_data?.details === 'string' ? ` (${body.error.error_data.details})` : '';
    if (typeof body.error?.message === 'string')
      message = `${what}: HTTP ${res.status}, code ${code ?? '?'}: ${body.error.message}${details}`;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  return new GraphApiError(res.status, code, message, retryAfterMs(res));
}

export function createGraphClient(opts: {
  baseUrl: string;
  token: string;
  phoneNumberId: string;
  /** MEDIA_ALLOWED_HOSTS: media (and the bearer token) only go to these hosts. */
  mediaHosts: readonly string[];
}): GraphClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${opts.token}` };

  return {
    async sendMessage(body) {
      const res = await fetch(`${base}/${encodeURIComponent(opts.phoneNumberId)}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (!res.ok) throw await toGraphError(res, 'send message');
      const json = (await res.json().catch(() => ({}))) as { messages?: Array<{ id?: unknown }> };
      const id = json.messages?.[0]?.id;
      return { messageId: typeof id === 'string' ? id : undefined };
    },

    async getMediaInfo(mediaId, signal) {
      const url = `${base}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(opts.phoneNumberId)}`;
      const res = await fetch(url, { headers: auth, signal });
      if (!res.ok) throw await toGraphError(res, 'media lookup');
      const json = (await res.json()) as { url?: unknown; mime_type?: unknown; file_size?: unknown };
      if (typeof json.url !== 'string') throw new Error('media lookup: the answer has no url');
      const size = Number(json.file_size);
      return {
        url: json.url,
        mimeType: typeof json.mime_type === 'string' ? json.mime_type : undefined,
        fileSize: Number.isFinite(size) ? size : undefined,
      };
    },

    async downloadMedia(url, maxBytes, signal) {
      // The URL comes from Meta's answer: the token goes only to allowed hosts, every redirect included.
      const res = await fetchAllowedMedia(url, { headers: auth, signal }, opts.mediaHosts);
      if (!res.ok) throw await toGraphError(res, 'media download');
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      const chunks: Buffer[] = [];
      let total = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            return { ok: false, reason: 'too_large' };
          }
          chunks.push(Buffer.from(value));
        }
      }
      return { ok: true, bytes: Buffer.concat(chunks) };
    },
  };
}
