/**
 * Helpers for the panel's API tests: an HTTP client that keeps cookies like a browser and sends
 * the CSRF token it was given, operator accounts, and reports seeded through the repository.
 */
import { randomBytes } from 'node:crypto';
import type { OutboundMessage } from '../../../src/domain/message';
import type { Channel } from '../../../src/domain/message';
import type { NewReport } from '../../../src/domain/ports';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { createOperatorAccount } from '../../../src/panel/operator-accounts';
import type { OperatorRole } from '../../../src/storage';
import { expectTicketCode } from '../../support/report-script';
import { playReport, say } from '../../support/simulator-citizen';
import type { TestApp } from '../../support/test-app';

export type Reply<T = any> = { status: number; body: T; headers: Headers; text: string };

export class PanelClient {
  readonly cookies = new Map<string, string>();
  csrfToken?: string;
  constructor(readonly baseUrl: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; rawBody?: string; csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const csrf = opts.csrf === undefined ? method !== 'GET' : opts.csrf;
    if (typeof csrf === 'string') headers['x-csrf-token'] = csrf;
    else if (csrf && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined = opts.rawBody;
    if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let body: any = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json')) body = text ? JSON.parse(text) : undefined;
    return { status: res.status, body, headers: res.headers, text };
  }

  get<T = any>(path: string, opts?: { headers?: Record<string, string> }) {
    return this.request<T>('GET', path, opts);
  }
  post<T = any>(path: string, body?: unknown, opts: { csrf?: boolean | string } = {}) {
    return this.request<T>('POST', path, { body, ...opts });
  }

  async login(username: string, password: string): Promise<Reply> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

export const PASSWORD = 'correct horse battery staple';

export async function addOperator(app: TestApp, username: string, role: OperatorRole, displayName = username) {
  const r = await createOperatorAccount(app.storage.operators, { username, displayName, role, password: PASSWORD });
  if (!r.ok) throw new Error(`could not create ${username}: ${r.detail}`);
  return r.operator;
}

/** A client logged in as a new operator. */
export async function loggedIn(app: TestApp, username: string, role: OperatorRole, displayName = username): Promise<PanelClient> {
  await addOperator(app, username, role, displayName);
  const client = new PanelClient(app.url);
  const res = await client.login(username, PASSWORD);
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${res.text}`);
  return client;
}

export const newChatId = () => `panel-${randomBytes(4).toString('hex')}`;

/** The pseudonymous reference the service gives a chat (what reports and followers carry). */
export const refOf = (app: TestApp, chatId: string, channel: Channel = 'simulator') =>
  citizenRefFactory(app.config.CITIZEN_REF_SECRET)(channel, chatId);

/**
 * A report as the dialog would save it, for a simulator chat, with the citizen's identity recorded
 * as the intake does (the notifier finds the chat there). Returns the report and its chat id.
 */
/** Stores who a simulator chat is, as its first message would (reports and subscriptions name only the citizenRef). */
export async function seedIdentity(app: TestApp, chatId: string) {
  await app.storage.identities.upsertFromInbound(refOf(app, chatId), {
    channel: 'simulator',
    chatId,
    messageId: `seed-${chatId}`,
    receivedAt: new Date(),
    sender: { platformId: chatId },
    payload: { kind: 'text', text: 'seed' },
  });
}

export async function seedReport(app: TestApp, over: Partial<NewReport> & { chatId?: string } = {}) {
  const { chatId: givenChatId, ...fields } = over;
  const chatId = givenChatId ?? newChatId();
  const citizenRef = refOf(app, chatId);
  await seedIdentity(app, chatId);
  const { report } = await app.storage.reports.createOnce({
    categoryId: 'abandoned_waste',
    reliability: 'seen',
    point: { lat: 43.8414, lng: 10.5731 },
    address: 'Piazza Aldo Moro, Capannori',
    zone: undefined,
    description: 'Sacchi di rifiuti abbandonati vicino al parcheggio',
    photoRefs: [],
    channel: 'simulator',
    citizenRef,
    language: 'it',
    priority: 2,
    sourceMessageKey: `seed-${randomBytes(6).toString('hex')}`,
    ...fields,
  });
  // As the worker does after the turn that creates a report: every panel hears of it.
  await app.publish({ type: 'report.created', reportId: report.id });
  return Object.assign(report, { chatId });
}

/** The messages a simulator chat has received (what the citizen sees). */
export async function chatMessages(app: TestApp, chatId: string): Promise<Array<{ text: string; purpose: string }>> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`);
  return ((await res.json()) as { messages: Array<{ text: string; purpose: string }> }).messages;
}

/** Polls until `check` returns a value (delivery and pub/sub are asynchronous). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type { OutboundMessage };

/** Plays the canonical full report through the simulator API as a citizen; returns the report. */
export async function submitReportAsCitizen(app: TestApp, chatId: string) {
  const last = await playReport(app, chatId);
  const report = await app.storage.reports.getByTicket(expectTicketCode(last.join('\n')));
  if (!report) throw new Error('the ticket code of the last reply names no report');
  return report;
}

/** The citizen writes one text message in their simulator chat; returns the bot's replies. */
export const citizenSays = say;

export type LiveStream = {
  status: number;
  contentType: string | null;
  /** Resolves with the data of the first event of `type` matching `match` (seen before or after the call). */
  waitFor(type: string, match: (data: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
  /** true once the server ended the stream. */
  ended(): boolean;
};

/** Opens GET /api/events as a browser's EventSource would, with the client's cookies. */
export async function openLiveStream(client: PanelClient): Promise<LiveStream> {
  const abort = new AbortController();
  const res = await fetch(`${client.baseUrl}/api/events`, { headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' }, signal: abort.signal });
  const events: Array<{ type: string; data: any }> = [];
  const waiters = new Set<() => void>();
  let ended = false;
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type && data) events.push({ type, data: JSON.parse(data) });
            for (const w of waiters) w();
          }
        }
        ended = true;
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    ended: () => ended,
    waitFor(type, match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find((e) => e.type === type && match(e.data));
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.data);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${type} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}
