/**
 * The Bot API client (telegraf's Telegram class) pointed at the configured server, and what its
 * errors mean for us. The only place that constructs it.
 */
import { Telegram, TelegramError } from 'telegraf';

export type TelegramApi = Telegram;

/**
 * telegraf builds URLs with `new URL('./bot<token>/<method>', apiRoot)`: an apiRoot with a path
 * (a self-hosted Bot API server behind a prefix) must end in '/' or its last segment is dropped.
 */
export function normaliseApiRoot(apiRoot: string): string {
  return apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
}

export function createTelegramApi(token: string, apiRoot: string): TelegramApi {
  // webhookReply off: every call is a real request whose result (or error) we see.
  return new Telegram(token, { apiRoot: normaliseApiRoot(apiRoot), webhookReply: false });
}

export type ApiFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** 403: blocked by the user, user deactivated, or the bot may not write first. */
  | { kind: 'forbidden'; description: string }
  /** 400 chat not found: the chat does not exist for this bot. */
  | { kind: 'chat_not_found'; description: string }
  /** Other 4xx: the request itself is wrong; repeating it cannot help. */
  | { kind: 'rejected'; code: number; description: string }
  /** 5xx, network errors, timeouts: worth retrying. */
  | { kind: 'transient'; description: string };

export function classifyApiError(err: unknown): ApiFailure {
  if (err instanceof TelegramError) {
    const description = err.description ?? err.message;
    if (err.code === 429) return { kind: 'rate_limited', retryAfterMs: Math.max(1, err.parameters?.retry_after ?? 1) * 1000 };
    if (err.code === 403) return { kind: 'forbidden', description };
    if (err.code === 400 && /chat not found/i.test(description)) return { kind: 'chat_not_found', description };
    if (err.code >= 400 && err.code < 500 && err.code !== 401 && err.code !== 404) return { kind: 'rejected', code: err.code, description };
    // 401/404 mean a wrong token or server: a configuration fault, retried until someone fixes it.
    return { kind: 'transient', description };
  }
  return { kind: 'transient', description: err instanceof Error ? err.message : String(err) };
}
