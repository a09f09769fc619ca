/**
 * The composition root: builds the concrete pieces (connections, repositories, queues, channels,
 * engine) and starts the roles named in SERVICES. The only module that wires everything.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config/env';
import { loadMunicipalityProfile, municipalityDir } from '../config/municipality';
import { createLogger, type Logger } from './log/logger';
import { connectMongo, createStorage, ensureIndexes, waitForMongo } from './storage';
import { fieldCipherFromSettings } from './security/field-cipher';
import { slaTargetMinutes } from './domain/sla';
import { createDiskMediaStore } from './storage/media-store';
import { createDiskAudioStore } from './storage/audio-store';
import { createHttpSpeechToText } from './speech/http-speech-to-text';
import { createRedis, pingRedis } from './queue/redis-connection';
import { createQueues, startWorker, type WorkerHandle, type InboundJob, type OutboundJob, type AdvisoryJob } from './queue/queues';
import { QUEUE_ADVISORIES, QUEUE_INBOUND, outboundQueueName, redisKeys } from './queue/queue-names';
import { createRedisEventBus } from './queue/event-bus';
import { createRedisChatLock } from './queue/redis-chat-lock';
import { citizenRefFactory } from './app/intake/citizen-ref';
import { createReceiveMessage } from './app/intake/receive-message';
import { createProcessInbound } from './app/intake/process-inbound';
import { createDeliverOutbound } from './app/intake/deliver-outbound';
import { inboundTask, outboundTask } from './app/intake/tasks';
import { createReconcilePass, startReconcileLoop } from './app/intake/reconcile';
import { startRetentionLoop } from './app/citizens/retention';
import { pageOnCallForEmergency } from './app/staff/page-on-call';
import { reportNaming } from './app/staff/report-naming';
import { startStaffBot, type StaffBotOptions } from '../bots/staff-telegram';
import { createMetrics } from './observability/metrics';
import { backlogProbe } from './storage/backlog';
import { checkCitizenRefSecret } from './storage/citizen-ref-guard';
import { createFanOutAdvisory } from './app/advisories/fan-out-advisory';
import { advisoryFanOutTask } from './app/advisories/fan-out-task';
import { createWebApp, type Mount } from './panel/app';
import type { ReadinessCheck } from './panel/health.routes';
import { loadTerritory } from './geo/territory';
import { createNominatimGeocoder, disabledGeocoder } from './geo/geocoder';
import { createReportDialogEngine } from '../flows/report-dialog';
import { promptsFor } from './texts/citizen';
import type { ChannelContext } from '../bots/channel-context';
import type { ChannelModule } from '../bots/channel-module';
import { createSimulatorChannel } from '../bots/simulator';
import { createTelegramChannel, type TelegramChannelOptions } from '../bots/telegram';
import { createWhatsappWebChannel, type WhatsappWebChannelOptions } from '../bots/whatsapp';
import { createWhatsappCloudChannel } from '../bots/whatsapp-cloud';
import { createPanel } from './panel/panel';
import { QUEUE_BOARD_PATH } from './panel/panel-paths';
import { queueBoard } from './queue/queue-board';
import { fullOpenApiRouter, publicOpenApiRouter } from './openapi/openapi.routes';
import { specContext } from './openapi/spec-context';
import { open311Router } from './panel/open311/open311.routes';
import { publicZones } from './panel/open311/public-zones';
import { publicRateLimit } from './panel/rate-limit';

export type RunningVicinato = {
  /** Base URL of the web role, when it runs. */
  url?: string;
  /** The web role's express app (the OpenAPI test walks its routes). */
  web?: ReturnType<typeof createWebApp>;
  stop(): Promise<void>;
};

const SHUTDOWN_JOB_WAIT_MS = 10_000;

/** Test seams: replacements for outside platforms that have no URL to point at a fake, and shorter timings. */
export type StartOverrides = {
  /** whatsapp-web.js channel options, e.g. a fake client factory (the real one drives Chromium). */
  whatsapp?: WhatsappWebChannelOptions;
  /** Telegram channel options, e.g. a short role-lock lifetime. */
  telegram?: TelegramChannelOptions;
  /** Staff bot timings (shorter in tests). */
  staffBot?: Pick<StaffBotOptions, 'tickMs' | 'pagerEveryMs' | 'pollTimeoutSeconds'>;
};

export async function startVicinato(config: Config, logger: Logger, overrides: StartOverrides = {}): Promise<RunningVicinato> {
  const roles = config.SERVICES;
  const municipality = loadMunicipalityProfile(config.MUNICIPALITY);
  const retentionPolicy = {
    messagesDays: config.RETENTION_MESSAGES_DAYS,
    identityLinkMonths: config.RETENTION_IDENTITY_LINK_MONTHS,
    auditYears: config.RETENTION_AUDIT_YEARS,
    photosMonths: config.RETENTION_PHOTOS_MONTHS,
  };
  const territory = loadTerritory(municipalityDir(config.MUNICIPALITY));

  const mongo = connectMongo(config.MONGODB_URI, logger);
  const storage = createStorage(
    mongo.connection,
    {
      timeZone: municipality.serviceHours.timeZone,
      serviceHours: municipality.serviceHours,
      slaTargetMinutes: (r) => slaTargetMinutes(municipality.sla, r),
    },
    {},
    fieldCipherFromSettings(config),
  );
  mongo.connection.once('open', () => {
    ensureIndexes(mongo.connection).catch((err: Error) => logger.error(`index creation failed: ${err.message}`));
    // Production refuses a CITIZEN_REF_SECRET other than the database's (it would change every citizen ref).
    if (config.NODE_ENV === 'production')
      checkCitizenRefSecret(mongo.connection, config.CITIZEN_REF_SECRET).catch((err: Error) => {
        if (!/CITIZEN_REF_SECRET/.test(err.message)) return logger.warn(`citizen ref check not done: ${err.message}`);
        logger.error(`refusing to run: ${err.message}`);
        void stop().finally(() => process.exit(1));
      });
  });
  const redis = createRedis(config.REDIS_URL, logger, 'commands');
  const subscriber = createRedis(config.REDIS_URL, logger, 'events');
  const prefix = config.REDIS_PREFIX;
  const queues = createQueues(redis, prefix);
  const events = createRedisEventBus(redis, subscriber, redisKeys(prefix).eventsChannel, logger);
  const media = createDiskMediaStore(config.MEDIA_DIR, config.MEDIA_MAX_BYTES, config.MEDIA_MAX_PIXELS);
  // Voice notes only with a speech-to-text server of our own (SPEECH_TO_TEXT_URL); otherwise none is downloaded.
  const audio = config.SPEECH_TO_TEXT_URL ? createDiskAudioStore(config.MEDIA_DIR, config.VOICE_NOTE_MAX_BYTES) : undefined;
  const citizenRefOf = citizenRefFactory(config.CITIZEN_REF_SECRET);
  const metrics = createMetrics({ role: roles.join('+'), backlog: backlogProbe(mongo.connection) });
  const receive = createReceiveMessage({
    inbox: storage.inbox,
    identities: storage.identities,
    scheduler: queues.scheduler,
    citizenRefOf,
    blocks: {
      store: storage.citizenBlocks,
      outbound: storage.outbound,
      notice: (lang, until) => promptsFor(lang).limits.blocked(until.toLocaleDateString(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: municipality.serviceHours.timeZone })),
    },
    onStored: (msg) => metrics.messageReceived(msg.channel),
    onScheduleDeferred: (msg, reason) => {
      metrics.messageDeferred();
      logger.warn(`message ${msg.channel}/${msg.messageId} stored, scheduling left to the reconciler: ${reason}`);
    },
  });
  const geocoder = config.GEOCODER_URL
    ? createNominatimGeocoder({
        baseUrl: config.GEOCODER_URL,
        userAgent: config.GEOCODER_USER_AGENT,
        countryCodes: 'it',
        viewbox: territory.bbox(),
        logger,
      })
    : disabledGeocoder;

  const channelContext: ChannelContext = {
    config,
    roles,
    logger,
    receive,
    media,
    ...(audio ? { audio } : {}),
    outbound: storage.outbound,
    identities: storage.identities,
    events,
    redis,
    mongo: mongo.connection,
  };
  const channels = [
    createSimulatorChannel(channelContext, storage.inbox),
    createTelegramChannel(channelContext, overrides.telegram),
    createWhatsappWebChannel(channelContext, overrides.whatsapp),
    createWhatsappCloudChannel(channelContext),
  ].filter((c): c is ChannelModule => Boolean(c));

  const readiness: ReadinessCheck[] = [
    { name: 'mongodb', check: () => mongo.ping() },
    { name: 'redis', check: () => pingRedis(redis) },
    ...channels.flatMap((c) => (c.readiness ? [c.readiness] : [])),
  ];
  metrics.watchDependencies(readiness);

  const workers: WorkerHandle[] = [];
  const workerOpts = { connection: redis, prefix, logger, onJobDone: metrics.jobDone };

  // Filled below with the deliverers of the channels whose replies the inbound job sends itself.
  const sendNow = new Map<ChannelModule['channel'], ReturnType<typeof createDeliverOutbound>>();
  const zoneNames = new Map(territory.zones().map((z) => [z.id, z.name]));
  const naming = reportNaming({ zoneNames, publicUrl: config.PUBLIC_URL });

  if (roles.includes('worker')) {
    const engine = createReportDialogEngine({
      reports: storage.reports,
      media,
      geocoder,
      territory,
      municipality,
      confirmations: storage.confirmations,
      subscriptions: storage.subscriptions,
      nearbyQuestions: storage.nearbyQuestions,
      citizenData: storage.citizenData,
      audit: storage.audit,
      limits: { reportsPerDay: config.CITIZEN_REPORTS_PER_DAY },
      care: { maxPhotos: config.REPORT_MAX_PHOTOS, reopenDays: config.RESOLUTION_REOPEN_DAYS, notSolved: config.RESOLUTION_NOT_SOLVED },
      retention: retentionPolicy,
    });
    const processInbound = createProcessInbound({
      sendNow,
      // Only the simulator's POST waits for its message to be processed; webhooks and polling do not.
      announceProcessed: new Set(['simulator']),
      inbox: storage.inbox,
      conversations: storage.conversations,
      outbound: storage.outbound,
      scheduler: queues.scheduler,
      events,
      engine,
      chatLock: createRedisChatLock(redis, prefix),
      messageLimit: { perMinute: config.CITIZEN_MESSAGES_PER_MINUTE, notice: (lang) => promptsFor(lang).limits.tooFast },
      ...(audio && config.SPEECH_TO_TEXT_URL
        ? {
            voiceNotes: {
              audio,
              speech: createHttpSpeechToText({
                url: config.SPEECH_TO_TEXT_URL,
                apiKey: config.SPEECH_TO_TEXT_API_KEY,
                model: config.SPEECH_TO_TEXT_MODEL,
                timeoutMs: config.SPEECH_TO_TEXT_TIMEOUT_MS,
              }),
              maxSeconds: config.VOICE_NOTE_MAX_SECONDS,
              retryWindowMs: config.SPEECH_TO_TEXT_RETRY_MINUTES * 60_000,
              keepAudio: config.VOICE_NOTES_KEEP_AUDIO,
              onFailure: (detail: string) => logger.warn(`voice note not transcribed: ${detail}`),
            },
          }
        : {}),
      // Every open panel is alerted; outside service hours the on-call officer is paged (staff bot).
      onEmergency: async (message) => {
        await events.publish({ type: 'citizen.emergency', channel: message.channel }).catch(() => undefined);
        if (config.STAFF_TELEGRAM_BOT_TOKEN)
          await pageOnCallForEmergency(
            {
              links: storage.staffLinks,
              outbox: storage.staffOutbox,
              naming,
              serviceHours: municipality.serviceHours,
              ...(config.PUBLIC_URL ? { panelHome: config.PUBLIC_URL } : {}),
            },
            message,
          );
      },
    });
    workers.push(
      startWorker<InboundJob>(
        QUEUE_INBOUND,
        inboundTask({ processInbound, inbox: storage.inbox, outbound: storage.outbound, scheduler: queues.scheduler, logger }),
        { ...workerOpts, concurrency: 16 },
      ),
    );
    const fanOut = createFanOutAdvisory({
      subscriptions: storage.subscriptions,
      identities: storage.identities,
      outbound: storage.outbound,
      scheduler: queues.scheduler,
      municipalityName: municipality.name,
      zoneNames,
    });
    workers.push(
      startWorker<AdvisoryJob>(QUEUE_ADVISORIES, advisoryFanOutTask({ advisories: storage.advisories, fanOut, logger }), {
        ...workerOpts,
        concurrency: 2,
      }),
    );
    // MongoDB is the source of truth: what Redis lost is scheduled again (one worker process at a time).
    const holder = `${os.hostname()}:${process.pid}`;
    const reconcileOnce = createReconcilePass({
      inbox: storage.inbox,
      outbound: storage.outbound,
      advisories: storage.advisories,
      scheduler: queues.scheduler,
      leases: storage.leases,
      holder,
      graceMs: config.RECONCILE_GRACE_MS,
      leaseMs: config.RECONCILE_INTERVAL_MS * 3,
    });
    workers.push(
      startReconcileLoop({
        reconcileOnce,
        leases: storage.leases,
        holder,
        intervalMs: config.RECONCILE_INTERVAL_MS,
        logger,
        onPass: metrics.reconciled,
      }),
    );
    if (config.STAFF_TELEGRAM_BOT_TOKEN)
      workers.push(
        startStaffBot({
          token: config.STAFF_TELEGRAM_BOT_TOKEN,
          apiRoot: config.STAFF_TELEGRAM_API_ROOT,
          links: storage.staffLinks,
          outbox: storage.staffOutbox,
          audit: storage.audit,
          notes: storage.notes,
          media,
          leases: storage.leases,
          naming,
          actions: {
            reports: storage.reports,
            outbound: storage.outbound,
            scheduler: queues.scheduler,
            events,
            logger,
            confirmations: storage.confirmations,
            identities: storage.identities,
            merges: storage.merges,
            audit: storage.audit,
          },
          operatorUsernames: async () => (await storage.operators.list()).filter((o) => !o.disabled).map((o) => o.username),
          pager: { reports: storage.reports, serviceHours: municipality.serviceHours, threshold: config.PANEL_ALERT_PRIORITY },
          logger,
          ...overrides.staffBot,
        }),
      );
    workers.push(
      startRetentionLoop(
        { retention: storage.retention, leases: storage.leases, holder, logger, media, ...(audio ? { audio } : {}) },
        retentionPolicy,
      ),
    );
  }
  // Outbound workers run where the channel's sender can run: Telegram's in the telegram role (with its
  // per-chat throttle), whatsapp-web.js's only in the process holding the browser (whatsapp role),
  // the simulator's and the Cloud API's in the worker role.
  for (const channel of channels) {
    if (!channel.sender) continue;
    const role = channel.channel === 'whatsapp' ? 'whatsapp' : channel.channel === 'telegram' ? 'telegram' : 'worker';
    if (!roles.includes(role)) continue;
    const deliver = createDeliverOutbound({
      outbound: storage.outbound,
      identities: storage.identities,
      sender: channel.sender,
      events,
      logger,
      onSent: metrics.messageSent,
      onGaveUp: metrics.outboundFailed,
    });
    if (channel.sendsInline && role === 'worker') sendNow.set(channel.channel, deliver);
    workers.push(
      startWorker<OutboundJob>(outboundQueueName(channel.channel), outboundTask({ deliver, outbound: storage.outbound }), {
        ...workerOpts,
        concurrency: channel.outboundConcurrency ?? 8,
        limiter: channel.outboundLimiter,
      }),
    );
  }
  metrics.watchQueues(
    // Only BullMQ queues: the reconciler, retention and staff-bot loops have none.
    workers.map((w) => w.name).filter((name) => !['reconciler', 'retention', 'staff-bot'].includes(name)),
    (name) => queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed'),
  );
  let server: http.Server | undefined;
  let url: string | undefined;
  let closePanel = async () => undefined as void;
  let web: ReturnType<typeof createWebApp> | undefined;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down');
      // 1. stop accepting: HTTP and channel intake.
      const serverClosed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      // Ends the panel's live streams, which would otherwise hold the server open.
      await closePanel();
      for (const channel of channels)
        await channel.stop?.().catch((err: Error) => logger.warn(`stopping ${channel.channel}: ${err.message}`));
      // 2. let running jobs finish, bounded.
      await Promise.race([Promise.all(workers.map((w) => w.close())), new Promise((r) => setTimeout(r, SHUTDOWN_JOB_WAIT_MS))]);
      await Promise.race([serverClosed, new Promise((r) => setTimeout(r, 5_000))]);
      server?.closeAllConnections();
      // 3. close connections.
      await queues.close().catch(() => undefined);
      await events.close();
      await redis.quit().catch(() => undefined);
      await mongo.close();
      logger.info('stopped');
    })());
  // If a channel or the web role fails to start, release what was already started before failing.
  try {
    for (const channel of channels) await channel.start?.();

    if (roles.includes('web')) {
      const openApi = specContext(municipality, territory);
      const panel = createPanel({
        config,
        logger,
        storage,
        media,
        ...(audio ? { audio } : {}),
        events,
        scheduler: queues.scheduler,
        municipality,
        territory,
        mongo: mongo.connection,
        redis,
        redisKeys: redisKeys(prefix),
        queueBoard: queueBoard({
          basePath: QUEUE_BOARD_PATH,
          queueNames: [QUEUE_INBOUND, ...channels.map((c) => outboundQueueName(c.channel)), QUEUE_ADVISORIES],
          queue: queues.queue,
          readOnly: !config.QUEUE_BOARD_WRITE,
          title: `Vicinato ${municipality.name}`,
          panelPath: '/',
        }),
        apiDocs: fullOpenApiRouter(openApi),
      });
      const mounts: Mount[] = [
        { path: '/', router: publicOpenApiRouter(openApi) },
        {
          path: '/open311/v2',
          router: open311Router({
            reports: storage.publicReports,
            zones: publicZones(territory),
            apiKey: config.OPEN311_API_KEY,
            agency: municipality.dataController,
            rateLimit: publicRateLimit({
              redis,
              keyPrefix: redisKeys(prefix).publicRateLimit('open311'),
              perMinute: config.OPEN311_RATE_LIMIT_PER_MINUTE,
              refuse: (res) => void res.status(429).json([{ code: 429, description: 'too many requests: try again in a minute' }]),
            }),
          }),
        },
        ...channels.flatMap((c) => (c.http ? [{ path: c.http.mountPath, router: c.http.router }] : [])),
        ...panel.mounts,
      ];
      closePanel = panel.close;
      const app = createWebApp({ logger, readiness, mounts, trustProxy: config.TRUST_PROXY, readyzToken: config.READYZ_TOKEN, metrics });
      web = app;
      server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.PORT, '0.0.0.0', () => resolve());
      });
      const port = (server.address() as AddressInfo).port;
      url = `http://127.0.0.1:${port}`;
      logger.info(`web role listening on ${url}`);
    } else {
      // Every role answers an orchestrator's probes: without the web role, PORT serves only
      // /healthz and /readyz (MongoDB, Redis and the channels this process runs).
      const app = createWebApp({
        logger,
        readiness,
        mounts: [],
        trustProxy: config.TRUST_PROXY,
        readyzToken: config.READYZ_TOKEN,
        metrics,
      });
      server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.PORT, '0.0.0.0', () => resolve());
      });
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      logger.info(`health endpoints (/healthz, /readyz) listening on ${url}`);
    }
    logger.info(`Vicinato started: roles ${roles.join(', ')}`);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { url, web, stop };
}

/** Waits for MongoDB (for scripts that need it before doing anything). */
export { waitForMongo };

async function run() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) process.stderr.write(`config error: ${line}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, json: config.NODE_ENV === 'production' });
  let app: RunningVicinato;
  try {
    app = await startVicinato(config, logger);
  } catch (err) {
    logger.error(`start-up failed: ${(err as Error).message}`);
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    logger.info(`${signal} received`);
    app.stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error(`shutdown failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void run();
