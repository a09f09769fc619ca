/**
 * sendPhoto with the photo's bytes as multipart/form-data, through Node's own fetch and FormData.
 * telegraf's multipart stream never ends its request body on current Node (the upload hangs), so
 * uploads do not go through it; failures are raised as telegraf's TelegramError so that
 * classifyApiError reads them like any other call.
 */
import { TelegramError } from 'telegraf';
import { normaliseApiRoot } from '../telegram/telegram-api';

const UPLOAD_TIMEOUT_MS = 30_000;

export async function uploadPhoto(
  target: { apiRoot: string; token: string },
  chatId: string,
  photo: { bytes: Buffer; mimeType: string },
): Promise<{ message_id: number }> {
  const form = new FormData();
  form.set('chat_id', chatId);
  form.set('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.mimeType }), photo.mimeType === 'image/png' ? 'photo.png' : 'photo.jpg');
  const res = await fetch(new URL(`./bot${target.token}/sendPhoto`, normaliseApiRoot(target.apiRoot)), {
    method: 'POST',
    body: form,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({ ok: false, error_code: res.status, description: res.statusText }))) as {
    ok: boolean;
    result?: { message_id: number };
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
  if (!body.ok || !body.result)
    throw new TelegramError({ error_code: body.error_code ?? res.status, description: body.description ?? 'upload failed', parameters: body.parameters ?? {} });
  return body.result;
}
