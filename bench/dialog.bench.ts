/**
 * npm run bench:dialog [-- --seconds 2]
 *
 * The dialog engine alone (no inbox, queue or conversation store: states kept in a Map) on the
 * canonical report transcripts, beside the same flow written as a telegraf WizardScene with the
 * in-memory session and fed through bot.handleUpdate with no network, in one run. Twice: first
 * with the ports on the in-memory adapters (tests/support/in-memory: the dialog machinery alone),
 * then on the MongoDB repositories on the MongoDB-wire server. The time spent in ReportStore is
 * measured and reported apart, and so is this process's CPU time. Dialogs run one after another (the work is CPU-bound on one core), the two
 * contenders in alternating rounds so that load from elsewhere on the machine hits both alike.
 * The verdict is "engine speed / wizard speed" in messages per second (above 1 = the engine is
 * faster): the median over pairs of back-to-back rounds, by wall clock and by this process's CPU time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadMunicipalityProfile } from '../config/municipality';
import { createReportDialogEngine } from '../flows/report-dialog';
import type { ReportDialogState } from '../flows/report.flow';
import type { DialogServices } from '../flows/services';
import type { InboundPayload } from '../src/domain/message';
import type { ReportStore } from '../src/domain/ports';
import { createInMemoryMediaStore, createInMemoryStorage } from '../tests/support/in-memory';
import { disabledGeocoder } from '../src/geo/geocoder';
import { loadTerritory, municipalityDir } from '../src/geo/territory';
import { ensureIndexes } from '../src/storage';
import { createDiskMediaStore } from '../src/storage/media-store';
import { createReportRepository } from '../src/storage/repositories/report.repository';
import { createConfirmationRepository } from '../src/storage/repositories/confirmation.repository';
import { createNearbyQuestionQuotaRepository } from '../src/storage/repositories/nearby-question-quota.repository';
import { createSubscriptionRepository } from '../src/storage/repositories/subscription.repository';
import { createAuditRepository } from '../src/storage/repositories/audit.repository';
import { createCitizenDataRepository } from '../src/storage/repositories/citizen-data.repository';
import { localFieldCipher } from '../src/security/field-cipher';
import { FULL_REPORT_SCRIPT, makeJpeg, type ScriptStep } from '../tests/support/report-script';
import { atPlace, benchServers, distinctPlaces, numberArg } from './bench-env';
import { createWizardBot, telegramUpdate } from './dialog-wizard.telegraf';

const SECONDS = numberArg('seconds', 3);
// Short rounds: more pairs for the median, and fewer dialogs than distinct places per round (the
// reports are cleared between rounds; a place used twice in a round would meet "same situation?").
const ROUND_SECONDS = 0.25;
const WARMUP_DIALOGS = 20;
const NOW = new Date('2026-11-18T09:30:00Z');

/** The canonical script, and the same kind of report answered with words instead of numbers. */
const TRANSCRIPTS: ScriptStep[][] = [
  FULL_REPORT_SCRIPT,
  [
    { text: 'Salve' },
    { text: 'accetto' },
    { text: 'rifiuti abbandonati' },
    { text: "l'ho visto io" },
    { location: { lat: 43.868, lng: 10.555 } },
    { text: 'salta' },
    { text: 'Tre sacchi neri e un materasso lasciati accanto ai cassonetti di via del Popolo.' },
    { text: 'invia' },
  ],
];

type Timer = { ms: number };
type Dialog = (n: number) => Promise<number>;
type Round = { messages: number; seconds: number; cpuSeconds: number };
type Result = { dialogs: number; messages: number; seconds: number; storageSeconds: number; cpuSeconds: number; rounds: Round[] };

/** Accumulates the time spent in ReportStore calls (instrumentation: the store itself is real). */
function timedStore(store: ReportStore, timer: Timer): ReportStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          timer.ms += performance.now() - t0;
        }
      };
    },
  });
}

/** Alternating rounds until each contender had `seconds` of wall time. CPU is this process's own. */
async function race(seconds: number, timer: Timer, contenders: Dialog[], beforeRound: () => Promise<void>): Promise<Result[]> {
  for (const dialog of contenders) for (let i = 0; i < WARMUP_DIALOGS; i++) await dialog(-1 - i);
  const results: Result[] = contenders.map(() => ({ dialogs: 0, messages: 0, seconds: 0, storageSeconds: 0, cpuSeconds: 0, rounds: [] }));
  const counters = contenders.map(() => 0);
  while (results.some((r) => r.seconds < seconds)) {
    for (const [k, dialog] of contenders.entries()) {
      const r = results[k];
      await beforeRound();
      timer.ms = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let messages = 0;
      while (performance.now() - t0 < ROUND_SECONDS * 1000) {
        messages += await dialog(counters[k]++);
        r.dialogs++;
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      r.rounds.push({ messages, seconds, cpuSeconds });
      r.messages += messages;
      r.seconds += seconds;
      r.cpuSeconds += cpuSeconds;
      r.storageSeconds += timer.ms / 1000;
    }
  }
  return results;
}

function describeResult(name: string, r: Result) {
  const messageRate = r.messages / r.seconds;
  const pureRate = r.messages / (r.seconds - r.storageSeconds);
  const cpuRate = r.messages / r.cpuSeconds;
  console.log(`${name}: ${r.dialogs} dialogs / ${r.messages} messages in ${r.seconds.toFixed(2)} s`);
  console.log(
    `    wall: ${(r.dialogs / r.seconds).toFixed(0)} dialogs/s, ${messageRate.toFixed(0)} messages/s;` +
      ` without ReportStore time (${((r.storageSeconds / r.seconds) * 100).toFixed(0)}% of wall): ${(r.dialogs / (r.seconds - r.storageSeconds)).toFixed(0)} dialogs/s, ${pureRate.toFixed(0)} messages/s;` +
      ` CPU: ${((r.cpuSeconds * 1000) / r.messages).toFixed(2)} ms/message`,
  );
  return { messageRate, pureRate, cpuRate };
}

type ReportCounter = { count(channel: 'simulator' | 'telegram'): Promise<number>; clear(): Promise<void> };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

type Speed = { wall: number; cpu: number; pairs: number };

/** Engine speed over wizard speed in each pair of back-to-back rounds, then the median: load from elsewhere hits a pair alike. */
function pairedSpeed(engine: Result, wizard: Result): Speed {
  const pairs = engine.rounds.slice(0, wizard.rounds.length).map((round, i) => ({ engine: round, wizard: wizard.rounds[i]! }));
  const rate = (round: Round, by: 'seconds' | 'cpuSeconds') => round.messages / round[by];
  return {
    wall: median(pairs.map((p) => rate(p.engine, 'seconds') / rate(p.wizard, 'seconds'))),
    cpu: median(pairs.map((p) => rate(p.engine, 'cpuSeconds') / rate(p.wizard, 'cpuSeconds'))),
    pairs: pairs.length,
  };
}

/** One race of the engine against the WizardScene on the given ports; returns the engine's speed over the wizard's. */
async function benchOn(label: string, services: DialogServices, timer: Timer, reports: ReportCounter): Promise<Speed> {
  // The channel saves photos before the engine sees them: both contenders get an already saved one.
  const saved = await services.media.saveImage(await makeJpeg());
  if (!saved.ok) throw new Error('cannot save the bench photo');

  const engine = createReportDialogEngine(services);
  const payloadOf = (step: ScriptStep): InboundPayload =>
    'text' in step
      ? { kind: 'text', text: step.text }
      : 'location' in step
        ? { kind: 'location', point: step.location }
        : { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType };
  const states = new Map<string, ReportDialogState | null>();
  const placeFor = distinctPlaces(services.territory);
  const engineDialog: Dialog = async (n) => {
    const script = atPlace(TRANSCRIPTS[Math.abs(n) % TRANSCRIPTS.length]!, placeFor(n));
    const chatId = `engine-${n}`;
    for (const [i, step] of script.entries()) {
      const turn = await engine.handle({
        state: states.get(chatId) ?? null,
        message: {
          channel: 'simulator',
          chatId,
          messageId: `${chatId}-${i}`,
          sender: { platformId: chatId },
          receivedAt: NOW,
          payload: payloadOf(step),
        },
        citizenRef: `ref-${chatId}`,
        now: NOW,
      });
      states.set(chatId, turn.state);
      if (i === script.length - 1 && !turn.reportCreated) throw new Error(`engine dialog ${n} did not create a report`);
    }
    states.delete(chatId);
    return script.length;
  };

  const { bot, sent } = createWizardBot(services);
  const wizardDialog: Dialog = async (n) => {
    const script = atPlace(TRANSCRIPTS[Math.abs(n) % TRANSCRIPTS.length]!, placeFor(n));
    const chatId = 1_000_000 + n + 100;
    for (const [i, step] of script.entries()) await bot.handleUpdate(telegramUpdate(chatId, i + 1, step));
    return script.length;
  };

  console.log(`\n— ${label}`);
  const [engineBefore, wizardBefore, sentBefore] = [await reports.count('simulator'), await reports.count('telegram'), sent()];
  // Cleared outside the timed rounds, so places can be reused without meeting an open report.
  const created = { simulator: 0, telegram: 0 };
  const clearReports = async () => {
    created.simulator += await reports.count('simulator');
    created.telegram += await reports.count('telegram');
    await reports.clear();
  };
  const [engineResult, wizardResult] = await race(SECONDS, timer, [engineDialog, wizardDialog], clearReports);
  const e = describeResult('engine (flows/report-dialog)    ', engineResult);
  const w = describeResult('telegraf WizardScene + session()', wizardResult);
  console.log(
    `reports created: engine ${created.simulator + (await reports.count('simulator')) - engineBefore}, wizard ${created.telegram + (await reports.count('telegram')) - wizardBefore} (warm-up included); wizard replies to the fake Bot API: ${sent() - sentBefore}`,
  );
  const speed = pairedSpeed(engineResult, wizardResult);
  console.log(
    `engine speed / wizard speed (messages per second; above 1 = the engine is faster), median of ${speed.pairs} alternating round pairs: ` +
      `${speed.wall.toFixed(2)} by wall clock, ${speed.cpu.toFixed(2)} by this process's CPU time; ` +
      `over all rounds: ${(e.messageRate / w.messageRate).toFixed(2)} wall, ${(e.pureRate / w.pureRate).toFixed(2)} wall without ReportStore time, ${(e.cpuRate / w.cpuRate).toFixed(2)} CPU`,
  );
  return speed;
}

/** What both runs share: the municipality, no geocoder, no daily limit (the bench sends many reports from few chats). */
const commonServices = () => {
  const territory = loadTerritory(municipalityDir('capannori'));
  return {
    geocoder: disabledGeocoder,
    territory,
    municipality: loadMunicipalityProfile('capannori'),
    limits: { reportsPerDay: Number.MAX_SAFE_INTEGER },
    retention: { messagesDays: 90, identityLinkMonths: 12, auditYears: 10, photosMonths: 12 },
  };
};

async function main() {
  console.log(
    `bench:dialog — ${TRANSCRIPTS.length} report transcripts of ${TRANSCRIPTS.map((s) => s.length).join('/')} messages; ${SECONDS} s each in alternating ${ROUND_SECONDS} s rounds; one dialog at a time; first on the in-memory adapters of the ports (tests/support/in-memory), then on the MongoDB repositories (embedded MongoDB-wire server)`,
  );
  const timer: Timer = { ms: 0 };

  const memory = createInMemoryStorage();
  const memoryRatio = await benchOn(
    'ports in memory (the dialog machinery alone)',
    {
      ...commonServices(),
      reports: timedStore(memory.reports, timer),
      media: createInMemoryMediaStore(5 * 1024 * 1024),
      confirmations: memory.confirmations,
      subscriptions: memory.subscriptions,
      nearbyQuestions: memory.nearbyQuestions,
      citizenData: memory.citizenData,
      audit: memory.audit,
    },
    timer,
    {
      count: async (channel) => [...memory.db.reports.values()].filter((r) => r.channel === channel).length,
      clear: async () => {
        memory.db.reports.clear();
        memory.db.nearbyQuestions.clear();
      },
    },
  );

  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const conn = await mongoose.createConnection(servers.mongoUrl).asPromise();
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-bench-dialog-'));
  try {
    const repositories = {
      reports: timedStore(createReportRepository(conn), timer),
      confirmations: createConfirmationRepository(conn),
      subscriptions: createSubscriptionRepository(conn),
      nearbyQuestions: createNearbyQuestionQuotaRepository(conn),
      citizenData: createCitizenDataRepository(conn, localFieldCipher()),
      audit: createAuditRepository(conn),
    };
    await ensureIndexes(conn);
    const mongoRatio = await benchOn(
      'ports on MongoDB',
      { ...commonServices(), ...repositories, media: createDiskMediaStore(mediaDir, 5 * 1024 * 1024) },
      timer,
      {
        count: (channel) => conn.collection('reports').countDocuments({ channel }),
        clear: async () => {
          await conn.collection('reports').deleteMany({});
        },
      },
    );
    console.log(
      `\nengine speed / wizard speed (median of round pairs; above 1 = the engine is faster): ports in memory ${memoryRatio.wall.toFixed(2)} wall, ${memoryRatio.cpu.toFixed(2)} CPU; on MongoDB ${mongoRatio.wall.toFixed(2)} wall, ${mongoRatio.cpu.toFixed(2)} CPU`,
    );
  } finally {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    rmSync(mediaDir, { recursive: true, force: true });
    await servers.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
