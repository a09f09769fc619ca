/**
 * SpeechToText over an OpenAI-compatible `POST /v1/audio/transcriptions` (multipart/form-data with
 * `file`, `model`, `language`, `response_format=json`; answer `{"text": "..."}`), as served by a
 * self-hosted faster-whisper server (speaches), whisper.cpp's server or LocalAI. Built on fetch and
 * FormData: no SDK. The answer is read up to a bound before it is parsed.
 */
import type { SpeechToText, TranscriptionResult } from '../domain/ports';

/** A transcript of a few minutes of speech is a few KB; anything far larger is not an answer. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** The longest transcript kept (a description is shorter still; the dialog bounds it again). */
const MAX_TEXT_CHARS = 4000;

export type HttpSpeechToTextOptions = {
  /** SPEECH_TO_TEXT_URL: the full endpoint, e.g. http://127.0.0.1:8000/v1/audio/transcriptions. */
  url: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  fetch?: typeof fetch;
};

async function readBounded(res: Response): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createHttpSpeechToText(options: HttpSpeechToTextOptions): SpeechToText {
  const doFetch = options.fetch ?? fetch;
  return {
    async transcribe({ audio, mimeType, language }): Promise<TranscriptionResult> {
      const form = new FormData();
      const ext = mimeType.split('/')[1]?.replace('mpeg', 'mp3').replace('mp4', 'm4a') ?? 'ogg';
      form.append('file', new Blob([new Uint8Array(audio)], { type: mimeType }), `voice-note.${ext}`);
      form.append('model', options.model);
      form.append('language', language);
      form.append('response_format', 'json');
      const signal = AbortSignal.timeout(options.timeoutMs);
      let res: Response;
      try {
        res = await doFetch(options.url, {
          method: 'POST',
          body: form,
          headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
          signal,
          redirect: 'error',
        });
      } catch (err) {
        const e = err as Error;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
          return { ok: false, reason: 'failed', detail: `no answer within ${options.timeoutMs} ms` };
        // Refused, reset, unknown host: the server is down or unreachable.
        return { ok: false, reason: 'unavailable', detail: `${e.message}${e.cause ? ` (${(e.cause as Error).message})` : ''}` };
      }
      let body: string | undefined;
      try {
        body = await readBounded(res);
      } catch (err) {
        const e = err as Error;
        const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
        return { ok: false, reason: timedOut ? 'failed' : 'unavailable', detail: `answer interrupted: ${e.message}` };
      }
      if (res.status >= 500 || res.status === 429) return { ok: false, reason: 'unavailable', detail: `server answered ${res.status}` };
      if (!res.ok) return { ok: false, reason: 'failed', detail: `server answered ${res.status}` };
      if (body === undefined) return { ok: false, reason: 'failed', detail: 'answer too large' };
      let text: unknown;
      try {
        text = (JSON.parse(body) as { text?: unknown }).text;
      } catch {
        return { ok: false, reason: 'failed', detail: 'answer is not JSON' };
      }
      if (typeof text !== 'string') return { ok: false, reason: 'failed', detail: 'answer has no text' };
      return { ok: true, text: text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS) };
    },
  };
}
