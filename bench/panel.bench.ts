/**
 * npm run bench:panel [-- --reports 100000 --requests 200]
 *
 * Seeds N reports straight into MongoDB (bulk insertMany, the shapes the dialog saves), starts the
 * real web role, logs in as an agent through the API (real session, real CSRF token), then measures
 * through HTTP:
 *   - the queue listing with filters and the priority sort (plus counts per status), one agent at a time;
 *   - a report's detail (report, timeline sources, presenter);
 *   - the queue listing with N agents (--agents, default 20) polling at once;
 *   - a shift: N agents working at once, each listing its queue (all, "mine", "unassigned"),
 *     opening a report and writing an internal note on it, in a loop.
 * Prints p50/p95/p99; asserts nothing. Uses MONGODB_URI / REDIS_URL when set, else starts the
 * embedded servers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { CATEGORIES } from '../config/categories';
import { parseConfig } from '../config/env';
import { CHANNELS } from '../src/domain/message';
import { REPORT_STATUSES } from '../src/domain/report';
import { formatTicketCode } from '../src/domain/ticket-code';
import { loadTerritory, municipalityDir } from '../src/geo/territory';
import { createLogger } from '../src/log/logger';
import { startVicinato } from '../src/main';
import { createOperatorAccount } from '../src/panel/operator-accounts';
import { createStorage, ensureIndexes } from '../src/storage';
import { benchServers, latencySummary, numberArg, percentile } from './bench-env';

const REPORTS = numberArg('reports', 100_000);
const REQUESTS = numberArg('requests', 200);
const AGENTS = numberArg('agents', 20);
const BATCH = 5_000;
/** Hard limit of the measuring phases, so the bench always ends. */
const MEASURE_BUDGET_MS = 120_000;

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

async function login(baseUrl: string, username: string, password: string) {
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
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function timed(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

async function main() {
  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-media-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SERVICES: 'web',
    MONGODB_URI: servers.mongoUrl,
    REDIS_URL: servers.redisUrl,
    REDIS_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CITIZEN_REF_SECRET: randomBytes(32).toString('hex'),
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'error',
  });
  const territory = loadTerritory(municipalityDir(config.MUNICIPALITY));
  const zones = territory.zones().map((z) => z.id);
  console.log(`[bench] seeding ${REPORTS} reports into ${servers.mongoUrl.replace(/\/\/[^@]*@/, '//')}`);
  const ids = await seed(servers.mongoUrl, zones);

  const app = await startVicinato(config, createLogger({ level: 'error', json: true, silent: true }));
  const base = app.url!;
  try {
    const conn = await mongoose.createConnection(servers.mongoUrl).asPromise();
    const password = randomBytes(12).toString('hex');
    await createOperatorAccount(createStorage(conn).operators, {
      username: 'agente.bench',
      displayName: 'Agente Bench',
      role: 'agent',
      password,
    });
    await conn.close();
    const { cookie, csrfToken } = await login(base, 'agente.bench', password);

    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const categories = CATEGORIES.map((c) => c.id);
    // The agents' queue: open reports with the filters of the panel.
    const listQueries = [
      '',
      'status=new',
      `status=new,in_review&category=${categories[3]}`,
      `zone=${zones[0]}`,
      `channel=telegram&from=${encodeURIComponent(since)}`,
      `category=${categories[1]},${categories[2]}&zone=${zones[1]}`,
      'sort=newest',
      'offset=100',
    ];
    // The archive: finished reports, narrowed by category and month (measured apart).
    const archiveQueries = [
      `status=closed&category=${categories[1]}&from=${encodeURIComponent(since)}`,
      'status=closed,rejected,duplicate&sort=newest',
    ];
    // Warm-up: caches, connection pools, JIT.
    for (const q of listQueries) await timed(`${base}/api/reports?${q}`, cookie);
    for (const id of ids.slice(0, 20)) await timed(`${base}/api/reports/${id}`, cookie);

    const deadline = Date.now() + MEASURE_BUDGET_MS;
    const perQuery = new Map<string, number[]>(listQueries.map((q) => [q, []]));
    const list: number[] = [];
    for (let i = 0; i < REQUESTS && Date.now() < deadline; i++) {
      const q = listQueries[i % listQueries.length];
      const ms = await timed(`${base}/api/reports?${q}`, cookie);
      list.push(ms);
      perQuery.get(q)!.push(ms);
    }
    const archive: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 40) && Date.now() < deadline; i++)
      archive.push(await timed(`${base}/api/reports?${archiveQueries[i % archiveQueries.length]}`, cookie));
    const detail: number[] = [];
    for (let i = 0; i < REQUESTS && Date.now() < deadline; i++)
      detail.push(await timed(`${base}/api/reports/${ids[i % ids.length]}`, cookie));

    const concurrent: number[] = [];
    const agents = AGENTS;
    await Promise.all(
      Array.from({ length: agents }, async (_, a) => {
        for (let i = 0; i < Math.ceil(REQUESTS / agents) && Date.now() < deadline; i++)
          concurrent.push(await timed(`${base}/api/reports?${listQueries[(a + i) % listQueries.length]}`, cookie));
      }),
    );

    // A shift: every agent lists, opens and writes, as people at the panel do.
    const shiftList: number[] = [];
    const shiftDetail: number[] = [];
    const shiftNote: number[] = [];
    const shiftQueries = ['', 'assigned=mine', 'assigned=unassigned', `zone=${zones[0]}`];
    await Promise.all(
      Array.from({ length: agents }, async (_, a) => {
        for (let i = 0; i < Math.ceil(REQUESTS / agents) && Date.now() < deadline; i++) {
          shiftList.push(await timed(`${base}/api/reports?${shiftQueries[(a + i) % shiftQueries.length]}`, cookie));
          const id = ids[(a * 97 + i * 13) % ids.length];
          shiftDetail.push(await timed(`${base}/api/reports/${id}`, cookie));
          const started = performance.now();
          await fetch(`${base}/api/reports/${id}/notes`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ text: `nota di turno ${a}-${i}` }),
          }).then((r) => r.text());
          shiftNote.push(performance.now() - started);
        }
      }),
    );

    // After a change the shared counts are recounted: take a report (open counts), or take and
    // close one (finished counts too), then list as the panels would on the live event.
    const act = async (id: string, body: Record<string, unknown>) => {
      const res = await fetch(`${base}/api/reports/${id}/actions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { report: { version: number } };
      if (res.status !== 200) throw new Error(`${String(body.action)} answered ${res.status}`);
      return json.report;
    };
    const afterTake: number[] = [];
    const afterClose: number[] = [];
    for (let i = 0; i < 20 && Date.now() < deadline; i++) {
      const res = await fetch(`${base}/api/reports?status=new&limit=1&sort=newest`, { headers: { cookie } });
      const next = ((await res.json()) as { items: Array<{ id: string; version: number }> }).items[0];
      if (!next) break;
      const taken = await act(next.id, { action: 'take', version: next.version });
      afterTake.push(await timed(`${base}/api/reports?${listQueries[i % 3]}`, cookie));
      await act(next.id, { action: 'close', version: taken.version, outcome: 'intervention_done' });
      afterClose.push(await timed(`${base}/api/reports?${listQueries[i % 3]}`, cookie));
    }

    console.log(
      `\n[bench] panel API over ${REPORTS} reports, ${config.MONGODB_URI.startsWith('mongodb://127.0.0.1') ? 'local' : 'remote'} MongoDB-wire server`,
    );
    console.log(`  queue listing (filters + priority sort + counts), 1 agent, ${list.length} requests: ${latencySummary(list)}`);
    for (const [q, ms] of perQuery) {
      const s = [...ms].sort((x, y) => x - y);
      console.log(
        `    ?${q || '(default: open statuses)'}`.padEnd(70) +
          ` p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms`,
      );
    }
    console.log(
      `  archive listing (finished reports by category and month, or newest first), ${archive.length} requests: ${latencySummary(archive)}`,
    );
    console.log(`  report detail, 1 agent, ${detail.length} requests: ${latencySummary(detail)}`);
    console.log(`  queue listing right after a take (open counts recounted), ${afterTake.length} requests: ${latencySummary(afterTake)}`);
    console.log(
      `  queue listing right after a close (finished counts recounted in the background), ${afterClose.length} requests: ${latencySummary(afterClose)}`,
    );
    console.log(`  queue listing, ${agents} agents at once, ${concurrent.length} requests: ${latencySummary(concurrent)}`);
    console.log(`  a shift, ${agents} agents working at once:`);
    console.log(`    queue listing (all / mine / unassigned), ${shiftList.length} requests: ${latencySummary(shiftList)}`);
    console.log(`    report detail, ${shiftDetail.length} requests: ${latencySummary(shiftDetail)}`);
    console.log(`    internal note, ${shiftNote.length} requests: ${latencySummary(shiftNote)}`);
    if (Date.now() >= deadline) console.log(`  (stopped at the ${MEASURE_BUDGET_MS / 1000} s budget)`);
  } finally {
    await app.stop();
    const conn = await mongoose.createConnection(servers.mongoUrl).asPromise();
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
