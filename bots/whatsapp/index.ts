/**
 * The whatsapp-web.js channel: drives WhatsApp Web in Debian's Chromium, in the whatsapp role only
 * and in one process only (a Redis lock). Inbound messages go to the inbox, live ones and, on every
 * `ready`, those missed while disconnected (catch-up); outbound messages are sent as text with
 * numbered menus. The login state is published for the panel and /readyz.
 */
import { redisKeys } from '../../src/queue/queue-names';
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';
import { createCatchUp, type CatchUpOptions } from './catch-up';
import { createRoleLock } from '../role-lock';
import { createInboundHandler, type InboundHandlerOptions } from './inbound-handler';
import { createTerminalQrPrinter } from './qr-terminal';
import type { WhatsappClientFactory } from './whatsapp-client';
import { createWhatsappSender } from './whatsapp-sender';
import { createWhatsappSession, type SessionOptions } from './whatsapp-session';
import { createWhatsappStatus } from './whatsapp-status';
import { createWwebjsClientFactory } from './wwebjs-client.factory';

export type { WhatsappChatLike, WhatsappClientFactory, WhatsappClientLike, WhatsappMessageLike } from './whatsapp-client';
export type { WhatsappStatus, WhatsappState } from './whatsapp-status';

export type WhatsappWebChannelOptions = SessionOptions &
  InboundHandlerOptions &
  CatchUpOptions & {
    /** Builds the client; tests pass a fake. @defaultValue the real whatsapp-web.js Client */
    clientFactory?: WhatsappClientFactory;
    /** Role lock lifetime without renewal. @defaultValue 30000 */
    lockTtlMs?: number;
  };

/**
 * Outbound pace: well under what WhatsApp tolerates from a phone, to lower the risk of the number
 * being banned (WhatsApp does not allow unofficial clients).
 */
const OUTBOUND_LIMITER = { max: 10, duration: 1000 };

export function createWhatsappWebChannel(ctx: ChannelContext, options: WhatsappWebChannelOptions = {}): ChannelModule | undefined {
  if (!ctx.roles.includes('whatsapp')) return undefined;
  const { config, logger } = ctx;
  const keys = redisKeys(config.REDIS_PREFIX);
  const factory =
    options.clientFactory ??
    createWwebjsClientFactory({
      chromiumPath: config.WHATSAPP_CHROMIUM_PATH,
      auth: config.WHATSAPP_AUTH,
      sessionDir: config.WHATSAPP_SESSION_DIR,
      mongo: ctx.mongo,
    });
  const lock = createRoleLock({
    redis: ctx.redis,
    key: keys.roleLock('whatsapp'),
    role: 'whatsapp',
    logger,
    ttlMs: options.lockTtlMs,
    // Another process runs WhatsApp now: this one lets go of the browser (the status is fenced by the lock).
    onLost: (holder) =>
      void status.stopPublishing().then(() => {
        status.set('disconnected', { detail: `another process runs WhatsApp now (${holder})` });
        return session.stop();
      }),
  });
  const status = createWhatsappStatus({
    redis: ctx.redis,
    key: keys.whatsappStatus,
    lock: { key: keys.roleLock('whatsapp'), holder: lock.holder },
    logger,
    ttlMs: options.lockTtlMs,
  });
  const voiceNotes = ctx.audio
    ? { audio: ctx.audio, limits: { maxBytes: ctx.config.VOICE_NOTE_MAX_BYTES, maxSeconds: ctx.config.VOICE_NOTE_MAX_SECONDS } }
    : undefined;
  const handleMessage = createInboundHandler({ receive: ctx.receive, media: ctx.media, logger, ...(voiceNotes ? { voiceNotes } : {}) }, options);
  const session = createWhatsappSession({
    factory,
    status,
    logger,
    onMessage: handleMessage,
    onReady: createCatchUp({ handleMessage, logger }, options),
    showQr: createTerminalQrPrinter(logger),
    options,
  });
  let started = false;

  return {
    channel: 'whatsapp',
    sender: createWhatsappSender(() => session.connected()),
    outboundLimiter: OUTBOUND_LIMITER,
    // One send at a time: WhatsApp Web is one browser tab.
    outboundConcurrency: 1,
    readiness: {
      name: 'whatsapp',
      check: async () => status.current().state === 'ready',
      details: () => ({ state: status.current().state }),
    },
    async start() {
      try {
        await lock.acquire();
      } catch (err) {
        logger.error(`whatsapp: not started: ${(err as Error).message}`);
        throw err;
      }
      started = true;
      status.set('starting');
      status.startPublishing();
      logger.info(`whatsapp: starting WhatsApp Web (${config.WHATSAPP_AUTH === 'remote' ? 'session in MongoDB' : 'session on disk'})`);
      session.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      await session.stop();
      await status.stopPublishing({ state: 'disconnected', detail: 'the whatsapp role stopped' });
      await lock.release().catch((err: Error) => logger.warn(`whatsapp: releasing the role lock failed: ${err.message}`));
    },
  };
}
