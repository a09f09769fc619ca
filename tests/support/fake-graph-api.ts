/**
 * A fake of Meta's Graph API for the WhatsApp Cloud API on 127.0.0.1, speaking the real HTTP
 * protocol: POST /{version}/{phone-number-id}/messages, GET /{version}/{media-id} and the media URL
 * it hands out, every one behind the bearer token. It checks sends against Meta's documented limits
 * (reply buttons, lists, templates), records every request, and can answer Meta's errors on demand.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type GraphCall = { method: string; path: string; headers: http.IncomingHttpHeaders; body?: unknown };

type Reply = { id?: string; title?: string };
type Row = { id?: string; title?: string; description?: string };
/** The body of POST /messages as far as Meta's checks (and the tests) read it. */
export type MetaSendBody = {
  messaging_product?: string;
  recipient_type?: string;
  to?: string;
  type?: string;
  text?: { body?: string; preview_url?: boolean };
  template?: {
    name?: string;
    language?: { code?: string };
    components?: Array<{ type?: string; parameters?: Array<{ type?: string; text?: string }> }>;
  };
  interactive?: {
    type?: string;
    body?: { text?: string };
    action?: {
      name?: string;
      button?: string;
      buttons?: Array<{ type?: string; reply?: Reply }>;
      sections?: Array<{ title?: string; rows?: Row[] }>;
    };
  };
};

/** A message Meta accepted: the request body and the wamid it answered. */
export type SentMessage = { to: string; type: string; body: MetaSendBody; wamid: string; at: Date };

/** An error answer in Graph's shape. */
export type GraphFailure = { status: number; code: number; message?: string; retryAfterSeconds?: number };

export type FakeGraphApi = {
  /** Root URL (no version): give `base` to the app as WHATSAPP_GRAPH_API_BASE. */
  url: string;
  base: string;
  calls: GraphCall[];
  sent: SentMessage[];
  /** Requests refused because of their content (what Meta would refuse too). */
  refused: Array<{ body: unknown; reason: string }>;
  /** Serves an image under a new media id. */
  addMedia(bytes: Buffer, mimeType?: string): string;
  /** The next sends answer these errors, in order, before sends succeed again. */
  failNextSends(...failures: GraphFailure[]): void;
  /** Messages sent to one WhatsApp id. */
  sentTo(waId: string): SentMessage[];
  /** Resolves with the messages sent to `waId` once `count` of them arrived after `from` (an index). */
  waitForSent(waId: string, count: number, opts?: { from?: number; timeoutMs?: number }): Promise<SentMessage[]>;
  close(): Promise<void>;
};

const LIMITS = {
  text: 4096,
  buttonBody: 1024,
  listBody: 4096,
  buttonTitle: 20,
  buttons: 3,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
};

/** What Meta answers 400 to (code 131009, "Parameter value is not valid"); undefined when fine. */
function invalidReason(b: MetaSendBody | undefined, phoneNumberId: string): string | undefined {
  if (b?.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (typeof b.to !== 'string' || !b.to) return 'to is required';
  if (b.to === phoneNumberId) return 'cannot send to the sender';
  switch (b.type) {
    case 'text':
      if (typeof b.text?.body !== 'string' || !b.text.body) return 'text.body is required';
      if (b.text.body.length > LIMITS.text) return 'text.body too long';
      return undefined;
    case 'template': {
      const t = b.template;
      if (typeof t?.name !== 'string' || typeof t?.language?.code !== 'string') return 'template name and language are required';
      for (const c of t.components ?? [])
        for (const p of c.parameters ?? [])
          if (p.type === 'text' && (typeof p.text !== 'string' || /[\n\t]/.test(p.text) || / {5,}/.test(p.text)))
            return 'template parameter has new lines, tabs or 5+ spaces';
      return undefined;
    }
    case 'interactive': {
      const i = b.interactive!;
      const body = i?.body?.text;
      if (typeof body !== 'string' || !body) return 'interactive.body.text is required';
      if (i.type === 'button') {
        const buttons = i.action?.buttons ?? [];
        if (body.length > LIMITS.buttonBody) return 'button body too long';
        if (buttons.length < 1 || buttons.length > LIMITS.buttons) return 'reply buttons: 1 to 3';
        const titles = buttons.map((x) => x.reply?.title);
        if (titles.some((t: unknown) => typeof t !== 'string' || !t || t.length > LIMITS.buttonTitle))
          return 'button title: 1-20 characters';
        if (new Set(titles).size !== titles.length) return 'button titles must be unique';
        return undefined;
      }
      if (i.type === 'list') {
        if (body.length > LIMITS.listBody) return 'list body too long';
        const button = i.action?.button;
        if (typeof button !== 'string' || !button || button.length > LIMITS.listButton) return 'list button: 1-20 characters';
        const rows = (i.action?.sections ?? []).flatMap((s) => s.rows ?? []);
        if (rows.length < 1 || rows.length > LIMITS.rows) return 'list rows: 1 to 10';
        if (rows.some((r) => typeof r.title !== 'string' || !r.title || r.title.length > LIMITS.rowTitle))
          return 'row title: 1-24 characters';
        if (rows.some((r) => r.description !== undefined && r.description.length > LIMITS.rowDescription))
          return 'row description: at most 72 characters';
        if (new Set(rows.map((r) => r.id)).size !== rows.length) return 'row ids must be unique';
        return undefined;
      }
      if (i.type === 'location_request_message')
        return i.action?.name === 'send_location' ? undefined : 'action.name must be send_location';
      return `unsupported interactive type ${i?.type}`;
    }
    default:
      return `unsupported message type ${b.type}`;
  }
}

export async function startFakeGraphApi(opts: { token: string; phoneNumberId: string; version?: string }): Promise<FakeGraphApi> {
  const version = opts.version ?? 'v21.0';
  const calls: GraphCall[] = [];
  const sent: SentMessage[] = [];
  const refused: FakeGraphApi['refused'] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const failures: GraphFailure[] = [];
  const waiters = new Set<() => void>();
  let url = '';

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const graphError = (res: http.ServerResponse, f: GraphFailure) =>
    send(
      res,
      f.status,
      { error: { message: f.message ?? `(#${f.code}) error`, type: 'OAuthException', code: f.code, fbtrace_id: 'AfakeTrace' } },
      f.retryAfterSeconds !== undefined ? { 'retry-after': String(f.retryAfterSeconds) } : {},
    );

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      calls.push({ method: req.method ?? 'GET', path: u.pathname + u.search, headers: req.headers, body });

      if (req.headers.authorization !== `Bearer ${opts.token}`)
        return graphError(res, { status: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });

      // The media URL (Meta serves it from another host; here the same server).
      if (req.method === 'GET' && u.pathname === '/whatsapp_business/attachments/') {
        const item = media.get(u.searchParams.get('mid') ?? '');
        if (!item) return send(res, 404, { error: 'not found' });
        res.writeHead(200, { 'content-type': item.mimeType, 'content-length': String(item.bytes.length) });
        return res.end(item.bytes);
      }
      const parts = u.pathname.split('/').filter(Boolean);
      if (parts[0] !== version) return graphError(res, { status: 400, code: 2635, message: `unknown version ${parts[0]}` });

      if (req.method === 'POST' && parts.length === 3 && parts[2] === 'messages') {
        if (parts[1] !== opts.phoneNumberId)
          return graphError(res, { status: 400, code: 100, message: 'Unsupported post request. Object does not exist' });
        const failure = failures.shift();
        if (failure) return graphError(res, failure);
        const reason = invalidReason(body as MetaSendBody | undefined, opts.phoneNumberId);
        if (reason) {
          refused.push({ body, reason });
          return graphError(res, { status: 400, code: 131009, message: `(#131009) Parameter value is not valid: ${reason}` });
        }
        const b = body as MetaSendBody & { to: string; type: string };
        const wamid = `wamid.${randomBytes(12).toString('base64url')}`;
        sent.push({ to: b.to, type: b.type, body: b, wamid, at: new Date() });
        for (const w of waiters) w();
        return send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id: wamid }] });
      }
      if (req.method === 'GET' && parts.length === 2) {
        const item = media.get(parts[1]);
        if (!item)
          return graphError(res, {
            status: 400,
            code: 100,
            message: `Unsupported get request. Object with ID '${parts[1]}' does not exist`,
          });
        return send(res, 200, {
          messaging_product: 'whatsapp',
          url: `${url}/whatsapp_business/attachments/?mid=${parts[1]}&ext=1700000000&hash=fake`,
          mime_type: item.mimeType,
          sha256: 'fake',
          file_size: item.bytes.length,
          id: parts[1],
        });
      }
      return graphError(res, { status: 400, code: 100, message: 'Unknown path components' });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sentTo = (waId: string) => sent.filter((m) => m.to === waId);

  return {
    url,
    base: `${url}/${version}`,
    calls,
    sent,
    refused,
    addMedia(bytes, mimeType = 'image/jpeg') {
      const id = String(1_000_000_000_000 + media.size + Math.floor(Math.random() * 1_000_000));
      media.set(id, { bytes, mimeType });
      return id;
    },
    failNextSends: (...f) => void failures.push(...f),
    sentTo,
    waitForSent(waId, count, { from = 0, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const got = sentTo(waId).slice(from);
          if (got.length < count) return;
          cleanup();
          resolve(got);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Graph API: ${sentTo(waId).length - from} of ${count} messages to ${waId} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
