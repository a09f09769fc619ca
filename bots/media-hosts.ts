/**
 * Where citizens' media may be downloaded from (MEDIA_ALLOWED_HOSTS). A platform payload names
 * the media URL, so a forged or redirected one could point anywhere: the platform's bearer token
 * and our requests go only to listed hosts. https only, except for loopback hosts (a test fake or
 * a local Bot API server on 127.0.0.1), which must still be listed. An entry `*.example.com`
 * allows every subdomain of example.com.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedMediaUrl(url: string | URL, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(host));
  if (!secure || parsed.username || parsed.password) return false;
  return allowedHosts.some((entry) => {
    const e = entry.toLowerCase();
    return e.startsWith('*.') ? host.endsWith(e.slice(1)) && host.length > e.length - 1 : host === e;
  });
}

/** Redirects followed for one download, each target checked again. */
export const MAX_MEDIA_REDIRECTS = 3;

/**
 * fetch with redirects followed by hand, so every hop is checked against the allow-list before
 * anything (headers included) is sent to it.
 */
export async function fetchAllowedMedia(
  url: string,
  init: { headers?: Record<string, string>; signal?: AbortSignal },
  allowedHosts: readonly string[],
): Promise<Response> {
  let current = url;
  for (let hop = 0; hop <= MAX_MEDIA_REDIRECTS; hop++) {
    if (!isAllowedMediaUrl(current, allowedHosts)) throw new Error(`media download: host of ${safeOrigin(current)} is not in MEDIA_ALLOWED_HOSTS`);
    const res = await fetch(current, { ...init, redirect: 'manual' });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!location) return res;
    await res.body?.cancel().catch(() => undefined);
    current = new URL(location, current).href;
  }
  throw new Error('media download: too many redirects');
}

/** Scheme and host only: a media URL's path and query may carry tokens, never logged. */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}
