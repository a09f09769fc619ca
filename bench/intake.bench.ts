/**
 * npm run bench:intake [-- --citizens 40 --rounds 5] [-- --cpu-prof]
 * (--cpu-prof: the service writes a V8 CPU profile per round into bench-profiles/, for Chrome DevTools)
 *
 * 1. The real pipeline: the service runs as its own process (what `npm start` runs, roles web +
 *    worker) and N simulated citizens, in this process, complete full report dialogs at the same time
 *    through the simulator HTTP API -> inbox -> BullMQ -> dialog engine -> MongoDB -> outbound queue.
 *    Prints messages/s, the latency from receipt to reply (the POST returns once the message is
 *    processed) and the service's CPU time per message.
 * Each round (default 5) runs on fresh servers, warms up, then measures the pipeline and the floor;
 * the median ratio is printed.
 * 2. The floor: the same MongoDB and Redis operations a message costs, issued directly with the
 *    drivers at the same concurrency, with no engine, queue library or HTTP in between.
 * 3. Commands per message: one more pass with the service's MongoDB connection through a counting
 *    proxy (not in the timed rounds, where the proxy would slow it), and Redis's INFO commandstats.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';
import { FULL_REPORT_SCRIPT, makeJpeg } from '../tests/support/report-script';
import { spawnService } from '../tests/support/service-process';
import { freePort } from '../script/embedded-servers';
import { atPlace, benchServers, distinctPlaces, latencySummary, numberArg, waitUntilReady } from './bench-env';
import { loadTerritory, municipalityDir } from '../src/geo/territory';
import { delta, redisCommandCounts, startMongoCommandCounter } from './command-counters';

const CITIZENS = numberArg('citizens', 40);
const ROUNDS = numberArg('rounds', 5);
/**
 * The figures before the work on issue 11's CPU item (main 93d03f0, same machine, medians of 5
 * one-round runs alternating with this code's, 2026-12-04): printed beside today's. Re-measure on your machine for a fair
 * comparison (check out that commit and run this bench).
 */
const BASELINE = { cpuMsPerMessage: 7.8, pipelineToFloor: 0.19, mongoPerMessage: 13.3, redisPerMessage: 58.5 };
const WARM_UP_CITIZENS = 16;
const PROFILE = process.argv.includes('--cpu-prof');

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
}

/** CPU time (ms) of each of a process's threads by name (main, libuv pool, V8 GC, ...), summed per name; and main's kernel part. */
function cpuMsByThread(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[0-9]+$/, '#');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
      // The main thread's time in the kernel (socket writes and reads, mostly) on its own.
      if (name === 'main') byName.set('main:kernel', (byName.get('main:kernel') ?? 0) + (Number(fields[12]) * 1000) / 100);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byName;
}

type Step = (typeof FULL_REPORT_SCRIPT)[number];

async function pipelineRun(baseUrl: string, jpegBase64: string, citizens: number, firstPlace: number) {
  const latencies: number[] = [];
  let failures = 0;
  const body = (step: Step) =>
    'text' in step ? { text: step.text } : 'location' in step ? { location: step.location } : { photo: { mimeType: 'image/jpeg', base64: jpegBase64 } };
  const placeFor = distinctPlaces(loadTerritory(municipalityDir('capannori')));
  const citizen = async (n: number) => {
    const chatId = `bench-${n}-${randomUUID().slice(0, 8)}`;
    for (const step of atPlace(FULL_REPORT_SCRIPT, placeFor(firstPlace + n))) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/simulator/chats/${chatId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(step)),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failures++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: citizens }, (_, i) => citizen(i)));
  return { seconds: (performance.now() - t0) / 1000, latencies, failures };
}

/**
 * What one message costs in storage, by hand: inbox, identity, lock, state, replies, queue entries,
 * each as its own command. (The service sends what concurrent chats ask for at the same moment
 * together, src/storage/repositories/write-batcher.ts and its siblings; this floor does not.)
 */
async function floorRun(mongoUrl: string, redisUrl: string, citizens: number) {
  const client = await MongoClient.connect(mongoUrl, { maxPoolSize: 50 });
  const db = client.db(`${client.db().databaseName}_floor`);
  const redis = new Redis(redisUrl);
  const prefix = `floor_${randomUUID().slice(0, 8)}`;
  const run = randomUUID().slice(0, 8);
  await db.collection('inbox').createIndex({ channel: 1, messageId: 1 }, { unique: true });
  await db.collection('conversations').createIndex({ channel: 1, chatId: 1 }, { unique: true });
  await db.collection('outbound').createIndex({ outboundId: 1 }, { unique: true });
  const latencies: number[] = [];
  const citizen = async (n: number) => {
    const chatId = `floor-${run}-${n}`;
    let version = 0;
    for (let i = 0; i < FULL_REPORT_SCRIPT.length; i++) {
      const t0 = performance.now();
      const messageId = `${chatId}-${i}`;
      await db.collection('inbox').insertOne({ channel: 'simulator', messageId, chatId, state: 'received', receivedAt: new Date() });
      await db.collection('identities').updateOne({ chatId }, { $set: { lastInboundAt: new Date() } }, { upsert: true });
      await redis.multi().hset(`${prefix}:job:${messageId}`, 'data', messageId).lpush(`${prefix}:wait`, messageId).exec();
      await redis.set(`${prefix}:lock:${chatId}`, '1', 'PX', 15000, 'NX');
      await db.collection('inbox').find({ channel: 'simulator', chatId, state: 'received' }).toArray();
      await db.collection('conversations').findOne({ channel: 'simulator', chatId });
      const seq = await db.collection<{ _id: string; value: number }>('counters').findOneAndUpdate(
        { _id: 'seq' },
        { $inc: { value: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      await db.collection('outbound').insertOne({ outboundId: `${messageId}:r0`, chatId, seq: seq?.value, state: 'queued' });
      if (version === 0) await db.collection('conversations').insertOne({ channel: 'simulator', chatId, version: 1, state: { step: i } });
      else await db.collection('conversations').updateOne({ channel: 'simulator', chatId, version }, { $set: { state: { step: i } }, $inc: { version: 1 } });
      version++;
      if (i === FULL_REPORT_SCRIPT.length - 1) await db.collection('reports').insertOne({ chatId, status: 'new', createdAt: new Date() });
      await redis.multi().hset(`${prefix}:job:${messageId}:out`, 'data', messageId).lpush(`${prefix}:out`, messageId).exec();
      await db.collection('inbox').updateOne({ channel: 'simulator', messageId }, { $set: { state: 'processed' } });
      await redis.del(`${prefix}:lock:${chatId}`);
      await redis.publish(`${prefix}:events`, messageId);
      await db.collection('outbound').updateOne({ outboundId: `${messageId}:r0` }, { $set: { state: 'sent' } });
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: citizens }, (_, i) => citizen(i)));
  const seconds = (performance.now() - t0) / 1000;
  await db.dropDatabase();
  await client.close();
  await redis.quit();
  return { seconds, latencies };
}

async function countReports(mongoUrl: string): Promise<number> {
  const client = await MongoClient.connect(mongoUrl);
  const n = await client.db().collection('reports').countDocuments();
  await client.close();
  return n;
}

/** Starts the service as its own process on the given servers, and waits until it is ready. */
async function startService(servers: { mongoUrl: string; redisUrl: string }, mediaDir: string) {
  const port = await freePort();
  const service = spawnService({
    NODE_ENV: 'production',
    SIMULATOR_ENABLED: 'true',
    PORT: String(port),
    MONGODB_URI: servers.mongoUrl,
    REDIS_URL: servers.redisUrl,
    REDIS_PREFIX: `bench_${randomUUID().slice(0, 8)}`,
    // Production refuses predictable secrets and needs an https address (never reached here).
    SESSION_SECRET: randomBytes(32).toString('base64'),
    CITIZEN_REF_SECRET: randomBytes(32).toString('base64'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'https://vicinato-bench.invalid',
    MEDIA_DIR: mediaDir,
    LOG_LEVEL: 'error',
    SERVICES: 'web,worker',
    // The simulator's per-address limit (120/min) would refuse the bench's citizens, all on 127.0.0.1.
    SIMULATOR_RATE_LIMIT_PER_MINUTE: '100000',
  }, PROFILE ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', 'bench-profiles'] } : {});
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, service);
  return { service, baseUrl };
}

/**
 * One round on fresh servers (unless MONGODB_URI / REDIS_URL name them): the embedded server slows
 * down after some 12,000 writes in its default replica-set mode (docs/platform-findings.md), so
 * every round starts from the same state. Warm-up first (not counted): index builds, JIT, pools.
 */
async function round(jpeg: string) {
  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-media-'));
  const { service, baseUrl } = await startService(servers, mediaDir);
  try {
    await pipelineRun(baseUrl, jpeg, WARM_UP_CITIZENS, 0);
    await floorRun(servers.mongoUrl, servers.redisUrl, WARM_UP_CITIZENS);
    const reportsBefore = await countReports(servers.mongoUrl);
    const cpuBefore = cpuMsOf(service.child.pid!);
    const threadsBefore = cpuMsByThread(service.child.pid!);
    // Each dialog reports from a place of its own (see distinctPlaces).
    const pipeline = await pipelineRun(baseUrl, jpeg, CITIZENS, WARM_UP_CITIZENS);
    const serviceCpuMs = cpuMsOf(service.child.pid!) - cpuBefore;
    const threads = [...cpuMsByThread(service.child.pid!)].map(([name, ms]) => [name, ms - (threadsBefore.get(name) ?? 0)] as const);
    const reports = (await countReports(servers.mongoUrl)) - reportsBefore;
    // The floor runs while the service is idle.
    const floor = await floorRun(servers.mongoUrl, servers.redisUrl, CITIZENS);
    return { pipeline, serviceCpuMs, threads, reports, floor };
  } finally {
    await service.stop();
    await servers.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

/** A pass with the service's MongoDB connection through the counting proxy: commands per message. */
async function commandsPass(jpeg: string, citizens: number) {
  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const counter = await startMongoCommandCounter(servers.mongoUrl);
  const redis = new Redis(servers.redisUrl);
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-media-'));
  const { service, baseUrl } = await startService({ ...servers, mongoUrl: counter.url }, mediaDir);
  try {
    await pipelineRun(baseUrl, jpeg, 4, 0);
    // Replies are sent after the POST returns: let the warm-up's sends finish before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    counter.reset();
    const redisBefore = await redisCommandCounts(redis);
    const run = await pipelineRun(baseUrl, jpeg, citizens, 4);
    await new Promise((r) => setTimeout(r, 1_000));
    const mongo = [...counter.counts()].sort((a, b) => b[1] - a[1]);
    const redisUsed = delta(redisBefore, await redisCommandCounts(redis));
    return { messages: run.latencies.length, mongo, redis: redisUsed };
  } finally {
    await service.stop();
    await redis.quit();
    await counter.close();
    await servers.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

async function main() {
  const jpeg = (await makeJpeg()).toString('base64');
  console.log(`bench:intake — ${CITIZENS} citizens x ${FULL_REPORT_SCRIPT.length} messages, ${ROUNDS} rounds, MongoDB-wire server + Redis, ${os.availableParallelism()} cores`);
  const ratios: number[] = [];
  const cpuPerMessage: number[] = [];
  for (let n = 1; n <= ROUNDS; n++) {
    const { pipeline, serviceCpuMs, threads, reports, floor } = await round(jpeg);
    const total = pipeline.latencies.length;
    const pipelineRate = total / pipeline.seconds;
    const floorRate = floor.latencies.length / floor.seconds;
    ratios.push(pipelineRate / floorRate);
    cpuPerMessage.push(serviceCpuMs / total);
    console.log(`round ${n}/${ROUNDS}`);
    console.log(
      `  pipeline: ${total} messages (${reports} reports created) in ${pipeline.seconds.toFixed(2)} s = ${pipelineRate.toFixed(0)} messages/s; receipt->reply ${latencySummary(pipeline.latencies)}; non-200: ${pipeline.failures}`,
    );
    console.log(`            service process CPU ${(serviceCpuMs / total).toFixed(1)} ms per message (${(serviceCpuMs / 1000 / pipeline.seconds).toFixed(2)} cores busy; by thread: ${threads
        .filter(([, ms]) => ms > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${(ms / total).toFixed(1)}`)
        .join(', ')})`);
    console.log(`  floor:    ${floor.latencies.length} messages in ${floor.seconds.toFixed(2)} s = ${floorRate.toFixed(0)} messages/s; per message ${latencySummary(floor.latencies)}`);
    console.log(`  pipeline / floor throughput: ${(pipelineRate / floorRate).toFixed(2)}`);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `pipeline / floor throughput, median of ${ROUNDS} rounds: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; aim: >= 0.6; baseline ${BASELINE.pipelineToFloor.toFixed(2)})`,
  );
  const cpu = [...cpuPerMessage].sort((a, b) => a - b);
  console.log(`service CPU per message, median of ${ROUNDS} rounds: ${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms (rounds: ${cpuPerMessage.map((c) => c.toFixed(1)).join(', ')}; aim: <= 4; baseline ${BASELINE.cpuMsPerMessage.toFixed(1)})`);
  const counted = await commandsPass(jpeg, 16);
  const perMessage = (list: Array<[string, number]>, baseline: number) => {
    const total = list.reduce((n, [, c]) => n + c, 0);
    return `${(total / counted.messages).toFixed(1)} per message (baseline ${baseline.toFixed(1)}; ${list.map(([name, c]) => `${name} ${(c / counted.messages).toFixed(1)}`).join(', ')})`;
  };
  console.log(`commands, ${counted.messages} messages through a counting proxy (sends included, driver heartbeats not):`);
  console.log(`  MongoDB: ${perMessage(counted.mongo, BASELINE.mongoPerMessage)}`);
  console.log(`  Redis:   ${perMessage(counted.redis, BASELINE.redisPerMessage)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
