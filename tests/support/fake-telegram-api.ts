/**
 * A fake Telegram Bot API server on 127.0.0.1 speaking the real HTTP protocol:
 * `<root>/bot<token>/<method>` (JSON or query parameters, answers `{ ok, result }` or
 * `{ ok: false, error_code, description, parameters }` with the matching HTTP status) and file
 * downloads at `<root>/file/bot<token>/<file_path>`. It serves getMe, getUpdates (long poll, held
 * briefly), sendMessage, sendPhoto (multipart upload), sendVenue, editMessageReplyMarkup, answerCallbackQuery,
 * getFile, setWebhook, deleteWebhook and setMyCommands,
 * checks sends against the Bot API's documented rules, records every call, and answers 429 or 403
 * on demand. Builders make the updates a citizen's Telegram app would produce.
 *
 * The root has a path ("/tg") on purpose: the bot must cope with an apiRoot that has one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Bot API object as JSON: tests read the fields they check. */

export type Json = Record<string, any>;

export type TelegramCall = { method: string; params: Json; at: number; status: number; description?: string; result?: unknown };
export type TelegramFailure = { code: 429 | 403 | 400 | 500 | 502; description?: string; retryAfter?: number };
export type Update = Json & { update_id: number };

export type FakeCitizen = {
  chatId: number;
  text(text: string): Update;
  location(lat: number, lng: number): Update;
  /** A photo as Telegram sends it: several sizes, the largest holding `bytes`. */
  photo(bytes: Buffer, caption?: string): Update;
  /** A voice note as Telegram sends it (Ogg/Opus, `voice` with duration and mime_type). */
  voice(bytes: Buffer, duration: number): Update;
  /** A file sent "as a document". */
  document(bytes: Buffer, fileName: string, mimeType: string, caption?: string): Update;
  sticker(): Update;
  /** A tap on an inline button of message `messageId`. */
  callback(data: string, messageId?: number): Update;
  /** The citizen blocks the bot (my_chat_member update). */
  blocks(): Update;
};

export type FakeTelegram = {
  /** Give this to the bot as TELEGRAM_API_ROOT (no trailing '/', on purpose). */
  apiRoot: string;
  token: string;
  calls: TelegramCall[];
  webhook: { url: string; secret?: string } | undefined;
  /** Queues updates for getUpdates. */
  push(...updates: Update[]): void;
  /** Hands an update out again on the next getUpdates, as after a bot restart before it confirmed it. */
  redeliver(update: Update): void;
  /** update_ids that getUpdates calls have confirmed (offset passed them). */
  confirmedUpTo(): number;
  citizen(opts?: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string }): FakeCitizen;
  /** A message written in a group the bot is a member of. */
  groupMessage(text: string, groupId?: number): Update;
  addFile(bytes: Buffer, ext?: string): { file_id: string; file_unique_id: string; file_size: number; file_path: string };
  /** The next calls of `method` answer these failures, in order. */
  failNext(method: string, ...failures: TelegramFailure[]): void;
  /** From now on sendMessage to this chat answers 403 (the citizen blocked the bot). */
  block(chatId: number): void;
  /** Successful sendMessage calls to a chat, in order, with the message_id the fake gave each. */
  sentTo(chatId: number): Json[];
  callsOf(method: string): TelegramCall[];
  /** Polls until `check` returns a value (not undefined/false) or the time is up. */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

const PREFIX = '/tg';
const MAX_HOLD_MS = 200;
const BOT = { id: 777000111, is_bot: true, first_name: 'Vicinato', username: 'VicinatoTestBot', can_join_groups: false };

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

/** What the Bot API answers 400 to in a sendMessage; undefined when fine. */
function invalidSend(p: Json): string | undefined {
  if (p.chat_id === undefined || p.chat_id === '') return 'Bad Request: chat_id is empty';
  if (typeof p.text !== 'string' || !p.text.trim()) return 'Bad Request: message text is empty';
  if (p.text.length > 4096) return 'Bad Request: message is too long';
  const m = typeof p.reply_markup === 'string' ? JSON.parse(p.reply_markup) : p.reply_markup;
  if (m === undefined) return undefined;
  if (m.keyboard) {
    if (!Array.isArray(m.keyboard) || !m.keyboard.length) return 'Bad Request: keyboard must be a non-empty array';
    for (const row of m.keyboard)
      for (const b of row) if (typeof b?.text !== 'string' || !b.text) return "Bad Request: can't parse keyboard button: text is empty";
  } else if (m.inline_keyboard) {
    for (const row of m.inline_keyboard)
      for (const b of row)
        if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64) return 'Bad Request: BUTTON_DATA_INVALID';
  } else if (m.remove_keyboard !== true && m.force_reply !== true) return 'Bad Request: unsupported reply_markup';
  return undefined;
}

/** multipart/form-data (how a client uploads a file): text fields as strings, files as their bytes. */
function readMultipart(body: Buffer, boundary: string): Json {
  const out: Json = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) out[name] = /filename=/.test(headers) ? content : content.toString('utf8');
    start = next;
  }
  return out;
}

async function readParams(req: http.IncomingMessage, url: URL): Promise<Json> {
  const params: Json = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return params;
  if ((req.headers['content-type'] ?? '').includes('application/json')) return { ...params, ...JSON.parse(body) };
  const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/.exec(req.headers['content-type'] ?? '')?.[2];
  if (boundary) return { ...params, ...readMultipart(Buffer.concat(chunks), boundary) };
  return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
}

export async function startFakeTelegram(token = '123456789:TEST-token_for-the-fake'): Promise<FakeTelegram> {
  const calls: TelegramCall[] = [];
  const files = new Map<string, { bytes: Buffer; path: string; uniqueId: string }>();
  const queued: Update[] = [];
  const redelivered: Update[] = [];
  const failures = new Map<string, TelegramFailure[]>();
  const blocked = new Set<string>();
  const messageIds = new Map<string, number>();
  const waiters = new Set<() => void>();
  let confirmed = 0;
  let nextUpdateId = 500_000;
  let nextFile = 1;
  let nextCitizen = 4_100_000_001;
  let nextCallback = 9_000_000;
  let webhook: FakeTelegram['webhook'];

  const nextMessageId = (chatId: number | string) => {
    const id = (messageIds.get(String(chatId)) ?? 0) + 1;
    messageIds.set(String(chatId), id);
    return id;
  };
  const wake = () => {
    for (const w of [...waiters]) w();
  };

  const pendingFor = (offset: number, limit: number) => {
    if (offset > 0) {
      // An offset confirms every update before it: Telegram forgets them.
      confirmed = Math.max(confirmed, offset - 1);
      for (let i = queued.length - 1; i >= 0; i--) if (queued[i]!.update_id < offset) queued.splice(i, 1);
    }
    const again = redelivered.splice(0, redelivered.length);
    return [...again, ...queued].slice(0, limit);
  };

  const methods: Record<string, (p: Json, req: http.IncomingMessage) => unknown | Promise<unknown>> = {
    getMe: () => BOT,
    async getUpdates(p, req) {
      if (webhook)
        throw new ApiError(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      const offset = Number(p.offset ?? 0);
      const limit = Math.min(100, Number(p.limit ?? 100));
      const timeoutMs = Math.min(MAX_HOLD_MS, Number(p.timeout ?? 0) * 1000);
      let found = pendingFor(offset, limit);
      if (found.length || timeoutMs <= 0) return found;
      // Long poll: hold until an update arrives or the (shortened) timeout passes.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        req.once('close', done);
      });
      found = pendingFor(offset, limit);
      return found;
    },
    sendMessage(p) {
      const invalid = invalidSend(p);
      if (invalid) throw new ApiError(400, invalid);
      if (blocked.has(String(p.chat_id))) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      return {
        message_id: nextMessageId(p.chat_id),
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(p.chat_id), type: 'private' },
        from: BOT,
        text: p.text,
      };
    },
    sendPhoto(p) {
      if (!Buffer.isBuffer(p.photo) && typeof p.photo !== 'string') throw new ApiError(400, 'Bad Request: there is no photo in the request');
      if (blocked.has(String(p.chat_id))) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      return { message_id: nextMessageId(p.chat_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: 'private' }, photo: [] };
    },
    sendVenue(p) {
      if (!(Math.abs(Number(p.latitude)) <= 90 && Math.abs(Number(p.longitude)) <= 180) || !p.title || !p.address)
        throw new ApiError(400, 'Bad Request: venue must have latitude, longitude, title and address');
      return { message_id: nextMessageId(p.chat_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: 'private' } };
    },
    editMessageReplyMarkup(p) {
      if (!p.chat_id || !p.message_id) throw new ApiError(400, 'Bad Request: message to edit not found');
      return true;
    },
    answerCallbackQuery(p) {
      if (!p.callback_query_id)
        throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      return true;
    },
    getFile(p) {
      const file = files.get(String(p.file_id));
      if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
      if (file.bytes.length > 20 * 1024 * 1024) throw new ApiError(400, 'Bad Request: file is too big');
      return { file_id: p.file_id, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
    },
    setWebhook(p) {
      if (!p.url) throw new ApiError(400, 'Bad Request: bad webhook: HTTPS url must be provided for webhook');
      webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
      return true;
    },
    deleteWebhook() {
      webhook = undefined;
      return true;
    },
    setMyCommands(p) {
      const commands = typeof p.commands === 'string' ? JSON.parse(p.commands) : p.commands;
      if (!Array.isArray(commands) || commands.some((c: Json) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description))
        throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
      return true;
    },
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const filePrefix = `${PREFIX}/file/bot${token}/`;
    if (req.method === 'GET' && url.pathname.startsWith(filePrefix)) {
      const path = url.pathname.slice(filePrefix.length);
      const file = [...files.values()].find((f) => f.path === path);
      calls.push({ method: 'downloadFile', params: { path }, at: Date.now(), status: file ? 200 : 404 });
      if (!file) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
      return res.end(file.bytes);
    }
    const match = new RegExp(`^${PREFIX}/bot([^/]+)/(\\w+)$`).exec(url.pathname);
    if (!match) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, givenToken, method] = match as unknown as [string, string, string];
    const call: TelegramCall = { method, params: {}, at: Date.now(), status: 200 };
    calls.push(call);
    const fail = (status: number, description: string, parameters?: Json) => {
      call.status = status;
      call.description = description;
      send(status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });
    };
    try {
      call.params = await readParams(req, url);
      if (givenToken !== token) return fail(401, 'Unauthorized');
      const handler = methods[method];
      if (!handler) return fail(404, 'Not Found: method not found');
      const planned = failures.get(method)?.shift();
      if (planned) {
        const description =
          planned.description ??
          (planned.code === 429
            ? `Too Many Requests: retry after ${planned.retryAfter ?? 1}`
            : planned.code === 403
              ? 'Forbidden: bot was blocked by the user'
              : 'Error');
        return fail(planned.code, description, planned.code === 429 ? { retry_after: planned.retryAfter ?? 1 } : undefined);
      }
      const result = await handler(call.params, req);
      call.result = result;
      if (!res.destroyed) send(200, { ok: true, result });
    } catch (err) {
      if (err instanceof ApiError) return fail(err.code, err.description, err.parameters);
      fail(500, `Internal Server Error: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const addFile: FakeTelegram['addFile'] = (bytes, ext = 'jpg') => {
    const n = nextFile++;
    const file = { bytes, path: `photos/file_${n}.${ext}`, uniqueId: `uniq${n}` };
    files.set(`FILE-${n}-${'x'.repeat(20)}`, file);
    return { file_id: `FILE-${n}-${'x'.repeat(20)}`, file_unique_id: file.uniqueId, file_size: bytes.length, file_path: file.path };
  };

  const update = (body: Json): Update => ({ update_id: nextUpdateId++, ...body });

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}${PREFIX}`,
    token,
    calls,
    get webhook() {
      return webhook;
    },
    push(...updates) {
      queued.push(...updates);
      wake();
    },
    redeliver(u) {
      redelivered.push(u);
      wake();
    },
    confirmedUpTo: () => confirmed,
    citizen(opts = {}) {
      const from = {
        id: opts.id ?? nextCitizen++,
        is_bot: false,
        first_name: opts.firstName ?? 'Maria',
        ...(opts.lastName !== undefined ? { last_name: opts.lastName } : { last_name: 'Rossi' }),
        ...(opts.username !== undefined ? { username: opts.username } : {}),
        language_code: opts.languageCode ?? 'it',
      };
      const chat = { id: from.id, type: 'private', first_name: from.first_name };
      const message = (content: Json) =>
        update({ message: { message_id: nextMessageId(chat.id), date: Math.floor(Date.now() / 1000), chat, from, ...content } });
      return {
        chatId: chat.id,
        text: (text) =>
          message({
            text,
            ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
          }),
        location: (lat, lng) => message({ location: { latitude: lat, longitude: lng } }),
        photo(bytes, caption) {
          // Thumbnails first, as Telegram orders them; they are not images here, so a bot that
          // took anything but the largest size would store nothing.
          const small = addFile(Buffer.from('thumbnail-90px'));
          const medium = addFile(Buffer.from('thumbnail-320px'));
          const large = addFile(bytes);
          const sizes = [
            { ...small, width: 90, height: 68 },
            { ...medium, width: 320, height: 240 },
            { ...large, width: 1280, height: 960 },
          ].map(({ file_path: _path, ...s }) => s);
          return message({ photo: sizes, ...(caption ? { caption } : {}) });
        },
        voice(bytes, duration) {
          const { file_path: _path, ...file } = addFile(bytes, 'oga');
          return message({ voice: { ...file, duration, mime_type: 'audio/ogg' } });
        },
        document(bytes, fileName, mimeType, caption) {
          const { file_path: _path, ...file } = addFile(bytes, fileName.split('.').pop());
          return message({ document: { ...file, file_name: fileName, mime_type: mimeType }, ...(caption ? { caption } : {}) });
        },
        sticker: () =>
          message({
            sticker: {
              file_id: 'STICKER-1',
              file_unique_id: 'st1',
              type: 'regular',
              width: 512,
              height: 512,
              is_animated: false,
              is_video: false,
              emoji: '👍',
            },
          }),
        callback: (data, messageId = 1) =>
          update({
            callback_query: {
              id: String(nextCallback++),
              from,
              chat_instance: '-123',
              data,
              message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: BOT, text: '...' },
            },
          }),
        blocks: () =>
          update({
            my_chat_member: {
              chat,
              from,
              date: Math.floor(Date.now() / 1000),
              old_chat_member: { user: BOT, status: 'member' },
              new_chat_member: { user: BOT, status: 'kicked', until_date: 0 },
            },
          }),
      };
    },
    groupMessage(text, groupId = -100_555_000_111) {
      const from = { id: nextCitizen++, is_bot: false, first_name: 'Luca', language_code: 'it' };
      const chat = { id: groupId, type: 'supergroup', title: 'Vicini di Capannori' };
      return update({ message: { message_id: nextMessageId(groupId), date: Math.floor(Date.now() / 1000), chat, from, text } });
    },
    addFile,
    failNext(method, ...f) {
      failures.set(method, [...(failures.get(method) ?? []), ...f]);
    },
    block(chatId) {
      blocked.add(String(chatId));
    },
    sentTo: (chatId) =>
      calls
        .filter((c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === String(chatId))
        .map((c) => ({ ...c.params, message_id: (c.result as Json).message_id })),
    callsOf: (method) => calls.filter((c) => c.method === method),
    async waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value !== undefined && value !== false) return value as T;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
