/**
 * A fake OpenAI-compatible speech-to-text server on 127.0.0.1 (`POST /v1/audio/transcriptions`,
 * multipart/form-data), as a self-hosted faster-whisper server speaks it. It parses the real
 * multipart body (the platform's own parser), checks the fields a transcription needs (`file`,
 * `model`, `language`), records them, and answers `{"text": ...}` with the transcript the test
 * scripted for that language (it does not recognise speech). It can be told to fail (500, 400),
 * to hang, or to be down (connection refused: the port closed).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeSpeechMode = 'normal' | 'error' | 'bad-request' | 'hang' | 'empty';

export type TranscriptionCall = {
  model: string;
  language: string;
  fileName: string;
  fileType: string;
  bytes: Buffer;
  responseFormat?: string;
  authorization?: string;
};

export type FakeSpeechToText = {
  /** The full endpoint, as SPEECH_TO_TEXT_URL takes it. */
  url: string;
  calls: TranscriptionCall[];
  /** Refused requests, with why (missing field, wrong path...). */
  refused: string[];
  /** The next transcripts, per language hint, in order (the last one repeats). */
  say(language: 'it' | 'en', ...texts: string[]): void;
  setMode(mode: FakeSpeechMode): void;
  /** Stops listening (connections are refused) until `start` is called again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

const PATH = '/v1/audio/transcriptions';

export async function startFakeSpeechToText(): Promise<FakeSpeechToText> {
  const calls: TranscriptionCall[] = [];
  const refused: string[] = [];
  const scripted: Record<string, string[]> = { it: [], en: [] };
  let mode: FakeSpeechMode = 'normal';
  const hanging = new Set<http.ServerResponse>();

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refuse = (status: number, why: string) => {
      refused.push(why);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: why } }));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== PATH) return refuse(404, `${req.method} ${req.url}`);
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return refuse(400, `content-type ${type}`);
    let form: FormData;
    try {
      form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
    } catch (err) {
      return refuse(400, `multipart not parsed: ${(err as Error).message}`);
    }
    const file = form.get('file');
    const model = form.get('model');
    const language = form.get('language');
    if (!(file instanceof Blob) || typeof model !== 'string' || !model || typeof language !== 'string' || !language)
      return refuse(400, 'file, model and language are required');
    const bytes = Buffer.from(await file.arrayBuffer());
    calls.push({
      model,
      language,
      fileName: (file as File).name,
      fileType: file.type,
      bytes,
      responseFormat: (form.get('response_format') as string | null) ?? undefined,
      authorization: req.headers.authorization,
    });
    if (mode === 'hang') return void hanging.add(res);
    if (mode === 'error') return refuse(500, 'model crashed');
    if (mode === 'bad-request') return refuse(400, 'unsupported audio');
    if (!bytes.subarray(0, 4).equals(Buffer.from('OggS')) && !file.type.startsWith('audio/')) return refuse(400, 'not audio');
    const queue = scripted[language] ?? [];
    const text = mode === 'empty' ? '' : queue.length > 1 ? queue.shift()! : (queue[0] ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }));
  };

  let server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const closeServer = async () => {
    for (const res of hanging) res.destroy();
    hanging.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    calls,
    refused,
    say(language, ...texts) {
      scripted[language] = [...texts];
    },
    setMode(m) {
      mode = m;
    },
    stop: closeServer,
    async start() {
      server = http.createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: closeServer,
  };
}
