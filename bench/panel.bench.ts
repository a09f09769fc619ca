/**
 * npm run bench:panel [-- --reports 100000 --agents 20 --rounds 3 --requests 120]
 *
 * A shift at the operator panel, through HTTP against the real web role (its own process, as
 * deployed, so the agents' load generator does not share its event loop; `--in-process 1` runs it
 * inside the bench as before; real sessions, real CSRF tokens) over N reports seeded straight into MongoDB (bulk insertMany, the
 * shapes the dialog saves). --agents operators (default 20) each sign in with their own account.
 * Each round measures, first with 1 agent, then with all agents at once, each agent looping over
 * "list my queue (all / mine / unassigned / a zone), now and then the archive, open a report, act on
 * it (an internal note, or take and hand back a new report)":
 *   - the queue listing (filters + priority sort + counts per status),
 *   - the archive listing (finished reports by category and month, or newest first),
 *   - the report detail (report, timeline sources, presenter),
 *   - the actions (notes, take, release);
 * and, as the baseline of the same minute, the floor: one MongoDB round trip (findOne by _id with
 * the driver) at the same concurrency, on the same server. Prints p50/p95/p99 per round and their
 * medians over the rounds. Then, through a counting proxy (not timed), MongoDB commands per request
 * of each kind. Asserts nothing. Uses MONGODB_URI / REDIS_URL when set, else starts the embedded
 * servers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { CATEGORIES } from '../config/categories';
import { parseConfig, type Config } from '../config/env';
import { CHANNELS } from '../src/domain/message';
import { REPORT_STATUSES } from '../src/domain/report';
import { formatTicketCode } from '../src/domain/ticket-code';
import { loadTerritory, municipalityDir } from '../src/geo/territory';
import { createLogger } from '../src/log/logger';
import { startVicinato } from '../src/main';
import { createOperatorAccount } from '../src/panel/operator-accounts';
import { createStorage, ensureIndexes } from '../src/storage';
import { spawnService } from '../tests/support/service-process';
import { freePort } from '../script/embedded-servers';
import { benchServers, numberArg, percentile, waitUntilReady } from './bench-env';
import { startMongoCommandCounter } from './command-counters';

const REPORTS = numberArg('reports', 100_000);
const AGENTS = numberArg('agents', 20);
const ROUNDS = numberArg('rounds', 3);
/** Loop iterations per round: the 1-agent phase makes this many, the shift phase this many in all. */
const REQUESTS = numberArg('requests', 120);
const BATCH = 5_000;
/** Hard limit of each measuring phase, so the bench always ends. */
const PHASE_BUDGET_MS = 90_000;

// Years of history: nearly all reports are finished; about 1,200 of 100,000 are open at once (a
// heavy backlog for one municipality's police).
const STATUS_WEIGHTS: Array<[(typeof REPORT_STATUSES)[number], number]> = [
  ['new', 0.005],
  ['in_review', 0.003],
  ['needs_info', 0.001],
  ['dispatched', 0.003],
  ['closed', 0.888],
  ['rejected', 0.06],
  ['duplicate', 0.04],
];

function pickStatus(r: number) {
  let acc = 0;
  for (const [s, w] of STATUS_WEIGHTS) if (r < (acc += w)) return s;
  return 'closed';
}

async function seed(mongoUrl: string, zones: string[]) {
  const conn = await mongoose.createConnection(mongoUrl).asPromise();
  createStorage(conn); // registers the models, so the indexes below are the service's own
  await ensureIndexes(conn);
  const reports = conn.collection('reports');
  const now = Date.now();
  const year = new Date().getUTCFullYear();
  const t0 = performance.now();
  let sequence = 0;
  for (let done = 0; done < REPORTS; done += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, REPORTS - done) }, () => {
      sequence++;
      const status = pickStatus(Math.random());
      const category = CATEGORIES[Math.floor(Math.random() * CATEGORIES.length)];
      // Open reports are recent; finished ones spread over a year.
      const ageDays = ['closed', 'rejected', 'duplicate'].includes(status) ? Math.random() * 365 : Math.random() * 7;
      const createdAt = new Date(now - ageDays * 86_400_000);
      const chatId = `bench-${sequence}`;
      return {
        _id: new Types.ObjectId(),
        ticketCode: formatTicketCode(year, sequence),
        status,
        categoryId: category.id,
        reliability: 'seen',
        location: { type: 'Point', coordinates: [10.5 + Math.random() * 0.15, 43.8 + Math.random() * 0.1] },
        address: `Via di prova ${sequence}, Capannori`,
        zone: zones[sequence % zones.length],
        description: 'Segnalazione generata per il benchmark del pannello operatori.',
        photoRefs: [],
        channel: CHANNELS[sequence % CHANNELS.length],
        chatId,
        citizenRef: `cit_bench_${sequence}`,
        language: 'it',
        priority: category.severity * 2 + Math.floor(Math.random() * 3),
        sourceMessageKey: `bench:${chatId}:confirm`,
        ...(status !== 'new' ? { assignee: 'agente.bench', takenAt: new Date(createdAt.getTime() + 600_000) } : {}),
        ...(['closed', 'rejected', 'duplicate'].includes(status) ? { closedAt: new Date(createdAt.getTime() + 3_600_000) } : {}),
        confirmations: 0,
        citizenInfo: [],
        version: status === 'new' ? 0 : 2,
        createdAt,
        updatedAt: createdAt,
      };
    });
    await reports.insertMany(docs, { ordered: false });
    process.stdout.write(`\r[bench] seeded ${done + docs.length}/${REPORTS} reports`);
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`\n[bench] seeding took ${seconds.toFixed(1)} s (${Math.round(REPORTS / seconds)} reports/s)\n`);
  const sample = await reports.aggregate<{ _id: Types.ObjectId }>([{ $sample: { size: 500 } }, { $project: { _id: 1 } }]).toArray();
  await conn.close();
  return sample.map((d) => String(d._id));
}

type Agent = { username: string; cookie: string; csrfToken: string };

async function login(baseUrl: string, username: string, password: string): Promise<Agent> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { username, cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

type Timed<T> = { ms: number; status: number; body: T };

async function call<T = unknown>(base: string, agent: Agent, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Timed<T>> {
  const t0 = performance.now();
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: agent.cookie,
      ...(method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': agent.csrfToken } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status >= 500 || res.status === 401 || res.status === 403) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return { ms, status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const KINDS = ['queue listing', 'archive listing', 'report detail', 'action'] as const;
type Kind = (typeof KINDS)[number];
type Samples = Record<Kind, number[]>;
const emptySamples = (): Samples => ({ 'queue listing': [], 'archive listing': [], 'report detail': [], action: [] });

type Workload = {
  base: string;
  queueQueries: string[];
  archiveQueries: string[];
  ids: string[];
};

/**
 * One agent's loop step `i`: list the queue (every fourth step the archive as well), open a report,
 * act on it: an internal note, or (every third step) take a new report of the listing and hand it back.
 */
async function step(w: Workload, agent: Agent, a: number, i: number, out: Samples) {
  const listing = await call<{ items: Array<{ id: string; status: string; version: number; assignee?: string }> }>(
    w.base,
    agent,
    'GET',
    `/api/reports?${w.queueQueries[(a + i) % w.queueQueries.length]}`,
  );
  out['queue listing'].push(listing.ms);
  if (i % 4 === 3)
    out['archive listing'].push(
      (await call(w.base, agent, 'GET', `/api/reports?${w.archiveQueries[(a + i) % w.archiveQueries.length]}`)).ms,
    );
  const id = w.ids[(a * 97 + i * 13) % w.ids.length];
  out['report detail'].push((await call(w.base, agent, 'GET', `/api/reports/${id}`)).ms);
  const fresh = listing.body.items.filter((r) => r.status === 'new' && !r.assignee);
  const target = fresh[(a + i) % Math.max(1, fresh.length)];
  if (i % 3 === 2 && target) {
    const taken = await call<{ report?: { version: number } }>(w.base, agent, 'POST', `/api/reports/${target.id}/actions`, {
      action: 'take',
      version: target.version,
    });
    out.action.push(taken.ms);
    // 409: a colleague took it first, as happens in a shift.
    if (taken.status === 200 && taken.body.report)
      out.action.push(
        (
          await call(w.base, agent, 'POST', `/api/reports/${target.id}/actions`, {
            action: 'release',
            version: taken.body.report.version,
            reason: 'restituita alla coda dal benchmark',
          })
        ).ms,
      );
  } else {
    out.action.push((await call(w.base, agent, 'POST', `/api/reports/${id}/notes`, { text: `nota di turno ${a}-${i}` })).ms);
  }
}

/** `agents` agents at once, `iterations` loop steps in all (each agent its share), within the budget. */
async function phase(w: Workload, agents: Agent[], iterations: number): Promise<Samples> {
  const out = emptySamples();
  const deadline = Date.now() + PHASE_BUDGET_MS;
  await Promise.all(
    agents.map(async (agent, a) => {
      for (let i = 0; i < Math.ceil(iterations / agents.length) && Date.now() < deadline; i++) await step(w, agent, a, i, out);
    }),
  );
  return out;
}

/** The floor: one round trip to the same MongoDB server (findOne by _id), `concurrency` at once. */
async function floor(db: mongoose.mongo.Db, ids: string[], concurrency: number, count: number): Promise<number[]> {
  const out: number[] = [];
  const reports = db.collection('reports');
  await Promise.all(
    Array.from({ length: concurrency }, async (_, a) => {
      for (let i = 0; i < Math.ceil(count / concurrency); i++) {
        const t0 = performance.now();
        await reports.findOne({ _id: new Types.ObjectId(ids[(a * 31 + i) % ids.length]) });
        out.push(performance.now() - t0);
      }
    }),
  );
  return out;
}

type Figures = { p50: number; p95: number; p99: number; n: number };
const figures = (ms: number[]): Figures => {
  const s = [...ms].sort((x, y) => x - y);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
};
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const fmt = (f: Figures) => `p50 ${f.p50.toFixed(1)}, p95 ${f.p95.toFixed(1)}, p99 ${f.p99.toFixed(1)} ms (${f.n})`;

/** The web role runs in its own process unless `--in-process 1`. */
const IN_PROCESS = numberArg('in-process', 0) === 1;

function webEnv(mongoUrl: string, redisUrl: string, mediaDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    SERVICES: 'web',
    MONGODB_URI: mongoUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CITIZEN_REF_SECRET: randomBytes(32).toString('hex'),
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'error',
  };
}

const webConfig = (mongoUrl: string, redisUrl: string, mediaDir: string): Config => parseConfig(webEnv(mongoUrl, redisUrl, mediaDir));

/** The web role on its own port: in its own process (default) or in this one. */
async function startWeb(mongoUrl: string, redisUrl: string, mediaDir: string): Promise<{ url: string; stop: () => Promise<unknown> }> {
  if (IN_PROCESS) {
    const app = await startVicinato(webConfig(mongoUrl, redisUrl, mediaDir), createLogger({ level: 'error', json: true, silent: true }));
    return { url: app.url!, stop: () => app.stop() };
  }
  const port = await freePort();
  const service = spawnService({ ...webEnv(mongoUrl, redisUrl, mediaDir), PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, service);
  return { url, stop: () => service.stop() };
}

/** "label: N commands/request, M ms of server time; the most frequent commands, with their mean time". */
function describe(label: string, requests: number, counts: Map<string, number>, millis: Map<string, number>): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const serverMs = [...millis.values()].reduce((a, b) => a + b, 0);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, c]) => `${name} ${(c / requests).toFixed(2)} x ${((millis.get(name) ?? 0) / c).toFixed(1)} ms`)
    .join(', ');
  return (
    `    ${label}`.padEnd(46) +
    ` ${(total / requests).toFixed(2)} commands, ${(serverMs / requests).toFixed(1)} ms in MongoDB / request (${top})`
  );
}

/** MongoDB commands per request of each kind, through the counting proxy, with one agent and warm caches. */
async function commandsPerRequest(w: Workload, agent: Agent, counter: Awaited<ReturnType<typeof startMongoCommandCounter>>) {
  const lines: string[] = [];
  const measure = async (label: string, n: number, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await run(i); // warm caches of this kind
    counter.reset();
    for (let i = 0; i < n; i++) await run(i);
    lines.push(describe(label, n, counter.counts(), counter.millis()));
  };
  const get = (url: string) => call(w.base, agent, 'GET', url);
  await measure('queue listing, same view polled', 20, () => get(`/api/reports?${w.queueQueries[0]}`));
  await measure('queue listing, views in turn', 24, (i) => get(`/api/reports?${w.queueQueries[i % w.queueQueries.length]}`));
  await measure('archive listing, views in turn', 10, (i) => get(`/api/reports?${w.archiveQueries[i % w.archiveQueries.length]}`));
  await measure('report detail, each a different report', 20, (i) => get(`/api/reports/${w.ids[100 + i]}`));
  await measure('internal note', 10, (i) => call(w.base, agent, 'POST', `/api/reports/${w.ids[200 + i]}/notes`, { text: `nota ${i}` }));
  // Take and hand back a new report, 10 times: only the two actions are counted, not the listing that finds it.
  counter.reset();
  let actions = 0;
  const byName = new Map<string, number>();
  const byMillis = new Map<string, number>();
  for (let i = 0; i < 10; i++) {
    const page = await call<{ items: Array<{ id: string; version: number }> }>(w.base, agent, 'GET', '/api/reports?status=new&limit=1');
    const next = page.body.items[0];
    if (!next) break;
    counter.reset();
    const taken = await call<{ report: { version: number } }>(w.base, agent, 'POST', `/api/reports/${next.id}/actions`, {
      action: 'take',
      version: next.version,
    });
    await call(w.base, agent, 'POST', `/api/reports/${next.id}/actions`, {
      action: 'release',
      version: taken.body.report.version,
      reason: 'prova',
    });
    actions += 2;
    for (const [name, c] of counter.counts()) byName.set(name, (byName.get(name) ?? 0) + c);
    for (const [name, ms] of counter.millis()) byMillis.set(name, (byMillis.get(name) ?? 0) + ms);
  }
  lines.push(describe('take or release (one action)', actions, byName, byMillis));
  return lines;
}

async function main() {
  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-media-'));
  const config = webConfig(servers.mongoUrl, servers.redisUrl, mediaDir);
  console.log(`[bench] the web role runs ${IN_PROCESS ? 'in this process' : 'in its own process'}`);
  const territory = loadTerritory(municipalityDir(config.MUNICIPALITY));
  const zones = territory.zones().map((z) => z.id);
  console.log(`[bench] seeding ${REPORTS} reports into ${servers.mongoUrl.replace(/\/\/[^@]*@/, '//')}`);
  const ids = await seed(servers.mongoUrl, zones);

  const app = await startWeb(servers.mongoUrl, servers.redisUrl, mediaDir);
  const conn = await mongoose.createConnection(servers.mongoUrl).asPromise();
  let counted: Awaited<ReturnType<typeof startVicinato>> | undefined;
  let counter: Awaited<ReturnType<typeof startMongoCommandCounter>> | undefined;
  try {
    const password = randomBytes(12).toString('hex');
    const storage = createStorage(conn);
    const usernames = Array.from({ length: AGENTS }, (_, a) => `agente.bench${a + 1}`);
    for (const username of usernames)
      await createOperatorAccount(storage.operators, { username, displayName: `Agente ${username.slice(12)}`, role: 'agent', password });
    const base = app.url;
    const agents: Agent[] = [];
    for (const u of usernames) agents.push(await login(base, u, password));

    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const categories = CATEGORIES.map((c) => c.id);
    const w: Workload = {
      base,
      // The agents' queue: open reports, with the panel's filters.
      queueQueries: [
        '',
        'assigned=mine',
        'assigned=unassigned',
        'status=new',
        `zone=${zones[0]}`,
        `status=new,in_review&category=${categories[3]}`,
        `channel=telegram&from=${encodeURIComponent(since)}`,
        'sort=newest',
      ],
      // The archive: finished reports, narrowed by category and month, or newest first.
      archiveQueries: [
        `status=closed&category=${categories[1]}&from=${encodeURIComponent(since)}`,
        'status=closed,rejected,duplicate&sort=newest',
        `status=closed,rejected,duplicate&zone=${zones[2]}`,
      ],
      ids,
    };
    // Warm-up: caches, connection pools, JIT.
    await phase(w, agents.slice(0, 4), 24);

    type Round = Record<string, Figures>;
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round: Round = {};
      round['floor, 1 at a time'] = figures(await floor(conn.db!, ids, 1, REQUESTS));
      const one = await phase(w, agents.slice(0, 1), REQUESTS);
      for (const k of KINDS) round[`1 agent: ${k}`] = figures(one[k]);
      round[`floor, ${AGENTS} at once`] = figures(await floor(conn.db!, ids, AGENTS, REQUESTS * 2));
      const all = await phase(w, agents, REQUESTS * 2);
      for (const k of KINDS) round[`${AGENTS} agents: ${k}`] = figures(all[k]);
      rounds.push(round);
      console.log(`\n[bench] round ${r + 1}/${ROUNDS}`);
      for (const [name, f] of Object.entries(round)) console.log(`  ${name.padEnd(36)} ${fmt(f)}`);
    }

    console.log(
      `\n[bench] panel API over ${REPORTS} reports, ${AGENTS} agents, medians of ${ROUNDS} rounds (ms; floor = one MongoDB round trip by the driver, same server, same concurrency)`,
    );
    for (const name of Object.keys(rounds[0])) {
      const m = (k: keyof Figures) => median(rounds.map((r) => r[name][k]));
      console.log(`  ${name.padEnd(36)} p50 ${m('p50').toFixed(1)}, p95 ${m('p95').toFixed(1)}, p99 ${m('p99').toFixed(1)}`);
    }

    // Commands per request: a second web process of the same service, its MongoDB connection through the counting proxy.
    counter = await startMongoCommandCounter(servers.mongoUrl);
    counted = await startVicinato(
      webConfig(counter.url, servers.redisUrl, mediaDir),
      createLogger({ level: 'error', json: true, silent: true }),
    );
    const countingAgent = await login(counted.url!, usernames[0], password);
    console.log('\n[bench] MongoDB commands per request (one agent, caches warm; the most frequent commands):');
    for (const line of await commandsPerRequest({ ...w, base: counted.url! }, countingAgent, counter)) console.log(line);
  } finally {
    await counted?.stop();
    await counter?.close();
    await app.stop();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    await servers.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err.stack ?? err}`);
  process.exit(1);
});
