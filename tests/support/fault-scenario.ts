/**
 * The fault-injection scenario shared by `npm run test:faults` (40+ citizens, minute-long outages)
 * and its shorter twin inside `npm test`: a baseline citizen per channel plays the full report with
 * no fault, then many citizens play it while the faults happen one after the other. The result says
 * what each citizen saw and what MongoDB holds, for the test to compare with the baseline.
 */
import mongoose from 'mongoose';
import { citizenRefFactory } from '../../src/app/intake/citizen-ref';
import { startFaultCluster, type FaultCluster } from './fault-cluster';
import { playTelegram, playWhatsapp, transcript, TICKET_CODE, type PlayOptions, type PlayedCitizen } from './fault-citizens';
import { startFakeGraphApi } from './fake-graph-api';
import { startFakeTelegram } from './fake-telegram-api';
import { CLOUD, cloudSettings } from '../integration/whatsapp-cloud/meta-webhook';

export type Fault = { name: string; run: (cluster: FaultCluster) => Promise<void> };

export type ScenarioOptions = {
  citizens: number;
  /** Citizens start spread over this time, so some are mid-report at every fault. */
  spreadMs: number;
  /** Pause before each fault; faults run one after another. */
  faults: Array<{ afterMs: number; fault: Fault }>;
  play: PlayOptions;
};

export const faults = {
  killWorker: (): Fault => ({ name: 'kill -9 worker', run: (c) => c.killRole('worker', 500) }),
  killWeb: (): Fault => ({ name: 'kill -9 web', run: (c) => c.killRole('web', 500) }),
  redisRestartsEmpty: (downMs: number): Fault => ({ name: `redis killed, back empty after ${downMs} ms`, run: (c) => c.killRedis(downMs) }),
  /**
   * The worker hangs; meanwhile messages are stored and their jobs wait in Redis, then Redis is
   * killed and comes back empty (no persistence), and the hung worker is killed -9 and restarted.
   */
  workerHangsAndRedisLost: (hangMs: number): Fault => ({
    name: `worker SIGSTOP for ${hangMs} ms, redis killed and back empty meanwhile, then kill -9 worker`,
    run: async (c) => {
      c.pauseRole('worker');
      await sleep(hangMs);
      await c.killRedis(300);
      await c.killRole('worker', 300);
    },
  }),
  mongoDown: (downMs: number): Fault => ({ name: `mongodb killed for ${downMs} ms`, run: (c) => c.killMongo(downMs) }),
  mongoHangs: (pausedMs: number): Fault => ({ name: `mongodb SIGSTOP for ${pausedMs} ms`, run: (c) => c.hangMongo(pausedMs) }),
};

export type CitizenOutcome = {
  channel: PlayedCitizen['channel'];
  chatId: string;
  stuckAt?: number;
  redeliveries: number;
  transcript: string[];
  tickets: string[];
  reportsInMongo: number;
};

export type ScenarioResult = {
  baseline: Record<PlayedCitizen['channel'], string[]>;
  citizens: CitizenOutcome[];
  /** Faults in the order they happened, with when they ended (ms after the citizens started). */
  timeline: string[];
  unprocessedInbox: number;
  /** Replies given up (state failed or undeliverable), with the recorded reason. */
  repliesGivenUp: string[];
  logs: string;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runFaultScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  const telegram = await startFakeTelegram();
  const cluster = await startFaultCluster({
    ...cloudSettings(graph.base),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    RECONCILE_INTERVAL_MS: '1000',
    RECONCILE_GRACE_MS: '3000',
  });
  let waIds = 393_400_000_000;
  let spots = 0;
  const whatsapp = () => playWhatsapp(cluster.webUrl, graph, String(++waIds), { ...opts.play, spot: spots++ });
  const onTelegram = () => playTelegram(telegram, { ...opts.play, spot: spots++ });
  try {
    // 1. The baseline: one citizen per channel, no fault.
    const t0 = Date.now();
    const [wa, tg] = await Promise.all([whatsapp(), onTelegram()]);
    const baseline = { 'whatsapp-cloud': transcript(wa.seen()), telegram: transcript(tg.seen()) };
    if (wa.stuckAt !== undefined || tg.stuckAt !== undefined)
      throw new Error(
        `the baseline did not finish (whatsapp stuck at ${wa.stuckAt}, telegram at ${tg.stuckAt}):\n` +
          `${[...transcript(wa.seen()), '---', ...transcript(tg.seen())].join('\n')}\n${cluster.logs()}`,
      );

    // 2. Many citizens, half on each channel, while the faults happen.
    const started = Date.now();
    const timeline: string[] = [`baseline played in ${started - t0} ms`];
    const playing = Array.from({ length: opts.citizens }, async (_, i) => {
      await sleep((opts.spreadMs * i) / opts.citizens);
      const played = await (i % 2 === 0 ? whatsapp() : onTelegram());
      timeline.push(`${Date.now() - started} ms: citizen ${i} done${played.stuckAt !== undefined ? ` (stuck at ${played.stuckAt})` : ''}`);
      return played;
    });
    for (const { afterMs, fault } of opts.faults) {
      await sleep(afterMs);
      timeline.push(`${Date.now() - started} ms: ${fault.name}`);
      await fault.run(cluster);
      timeline.push(`${Date.now() - started} ms: over`);
    }
    const played = await Promise.all(playing);
    // Late or doubled messages would arrive after the last answer: wait until nothing is queued.
    const conn = await mongoose.createConnection(cluster.mongoUrl).asPromise();
    try {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const pending = await conn.collection('outbound_messages').countDocuments({ state: 'queued' });
        const unprocessed = await conn.collection('inbox_messages').countDocuments({ state: 'received' });
        if (!pending && !unprocessed) break;
        await sleep(500);
      }
      timeline.push(`${Date.now() - started} ms: nothing queued`);
      await sleep(2_000);
      const refOf = citizenRefFactory(cluster.env.CITIZEN_REF_SECRET!);
      const citizens: CitizenOutcome[] = [];
      for (const c of played) {
        const seen = c.seen();
        citizens.push({
          channel: c.channel,
          chatId: c.chatId,
          ...(c.stuckAt !== undefined ? { stuckAt: c.stuckAt } : {}),
          redeliveries: c.redeliveries,
          transcript: transcript(seen),
          tickets: seen.flatMap((m) => m.text.match(TICKET_CODE) ?? []),
          reportsInMongo: await conn.collection('reports').countDocuments({ citizenRef: refOf(c.channel, c.chatId) }),
        });
      }
      const unprocessedInbox = await conn.collection('inbox_messages').countDocuments({ state: { $ne: 'processed' } });
      const givenUp = await conn
        .collection('outbound_messages')
        .find({ state: { $in: ['failed', 'undeliverable'] } })
        .toArray();
      const repliesGivenUp = givenUp.map((d) => `${String(d.outboundId)} ${String(d.state)}: ${String(d.error)}`);
      return { baseline, citizens, timeline, unprocessedInbox, repliesGivenUp, logs: cluster.logs() };
    } finally {
      await conn.close();
    }
  } finally {
    await cluster.stop();
    await graph.close();
    await telegram.close();
  }
}

/** What differs from the baseline, one line per failed citizen (empty when every citizen is right). */
export function differences(result: ScenarioResult): string[] {
  const problems: string[] = [];
  const allTickets = result.citizens.flatMap((c) => c.tickets);
  for (const c of result.citizens) {
    const expected = result.baseline[c.channel];
    const who = `${c.channel} ${c.chatId}`;
    if (c.stuckAt !== undefined) problems.push(`${who}: no answer to step ${c.stuckAt + 1}`);
    if (JSON.stringify(c.transcript) !== JSON.stringify(expected))
      problems.push(`${who}: got\n    ${c.transcript.join('\n    ')}\n  instead of\n    ${expected.join('\n    ')}`);
    if (c.tickets.length !== 1) problems.push(`${who}: ${c.tickets.length} ticket codes`);
    if (c.reportsInMongo !== 1) problems.push(`${who}: ${c.reportsInMongo} reports in MongoDB`);
  }
  if (new Set(allTickets).size !== allTickets.length) problems.push('a ticket code was given to two citizens');
  if (result.unprocessedInbox) problems.push(`${result.unprocessedInbox} inbox messages not processed`);
  for (const r of result.repliesGivenUp) problems.push(`reply given up: ${r}`);
  return problems;
}
