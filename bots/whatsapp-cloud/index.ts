/**
 * The WhatsApp Cloud API channel (Meta's official API): a signed webhook served by the web role,
 * a sender run by the worker role, both speaking to the Graph API. On only when its four settings
 * are present (config/env.ts checks they come together).
 */
import { citizenRefFactory } from '../../src/app/intake/citizen-ref';
import { publicRateLimit } from '../../src/panel/rate-limit';
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';
import { lastInboundLookup } from './customer-window';
import { createGraphClient } from './graph-api.client';
import { createAudioDownloader, createImageDownloader } from './media-download';
import { supportsLocationRequest } from './outbound-payload';
import { createWhatsappCloudSender } from './sender';
import { whatsappWebhookRouter } from './webhook.routes';

/** Budget for fetching a photo before the webhook answers (Meta waits for the answer). */
const PHOTO_DOWNLOAD_TIMEOUT_MS = 8_000;
/** Concurrent sends: enough for 80 messages/s at a few hundred ms per Graph call. */
const OUTBOUND_CONCURRENCY = 32;

export function createWhatsappCloudChannel(ctx: ChannelContext): ChannelModule | undefined {
  const c = ctx.config;
  if (!c.whatsappCloudEnabled) return undefined;
  const token = c.WHATSAPP_CLOUD_TOKEN!;
  const phoneNumberId = c.WHATSAPP_PHONE_NUMBER_ID!;
  const keyPrefix = `${c.REDIS_PREFIX}:whatsapp-cloud`;
  const graph = createGraphClient({ baseUrl: c.WHATSAPP_GRAPH_API_BASE, token, phoneNumberId, mediaHosts: c.MEDIA_ALLOWED_HOSTS });

  const router = whatsappWebhookRouter({
    ctx,
    appSecret: c.WHATSAPP_APP_SECRET!,
    verifyToken: c.WHATSAPP_VERIFY_TOKEN!,
    phoneNumberId,
    keyPrefix,
    rateLimit: publicRateLimit({
      redis: ctx.redis,
      keyPrefix: `${c.REDIS_PREFIX}:ratelimit:webhook-whatsapp:`,
      perMinute: c.WEBHOOK_RATE_LIMIT_PER_MINUTE,
      refuse: (res) => void res.status(429).json({ error: 'too many requests' }),
    }),
    downloadImage: createImageDownloader({
      graph,
      media: ctx.media,
      maxBytes: c.MEDIA_MAX_BYTES,
      timeoutMs: PHOTO_DOWNLOAD_TIMEOUT_MS,
      logger: ctx.logger,
    }),
    ...(ctx.audio
      ? {
          downloadAudio: createAudioDownloader({
            graph,
            audio: ctx.audio,
            limits: { maxBytes: c.VOICE_NOTE_MAX_BYTES, maxSeconds: c.VOICE_NOTE_MAX_SECONDS },
            timeoutMs: PHOTO_DOWNLOAD_TIMEOUT_MS,
            logger: ctx.logger,
          }),
        }
      : {}),
  });

  const sender = createWhatsappCloudSender({
    graph,
    outbound: ctx.outbound,
    lastInboundAt: lastInboundLookup({ identities: ctx.identities, citizenRefOf: citizenRefFactory(c.CITIZEN_REF_SECRET) }),
    redis: ctx.redis,
    keyPrefix,
    statusTemplate: c.WHATSAPP_STATUS_TEMPLATE,
    locationRequest: supportsLocationRequest(c.WHATSAPP_GRAPH_API_BASE),
    logger: ctx.logger,
  });

  return {
    channel: 'whatsapp-cloud',
    http: { mountPath: '/webhooks/whatsapp', router },
    sender,
    outboundLimiter: { max: c.WHATSAPP_CLOUD_RATE_PER_SECOND, duration: 1000 },
    outboundConcurrency: OUTBOUND_CONCURRENCY,
    // A dialog turn's replies are sent by its own job; one that must wait (an earlier reply to the
    // chat still queued, Meta's throughput limit) goes to the rate-limited queue instead.
    sendsInline: true,
  };
}
