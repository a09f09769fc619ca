/**
 * The Cloud API webhook (mounted at /webhooks/whatsapp). GET: Meta's subscription handshake.
 * POST: signed notifications; every message is in the inbox before we answer 200, and any storage
 * fault answers 500 so Meta delivers the notification again (the inbox makes that a no-op).
 */
import { Router, type RequestHandler } from 'express';
import { parseJsonBuffer, rawBodyOnly } from '../../src/panel/json-body';
import type { ChannelContext } from '../channel-context';
import { isImageFile } from '../image-file';
import { recordStatuses } from './delivery-statuses';
import { payloadOf, toInboundMessage } from './inbound-message';
import type { AudioDownloader, ImageDownloader } from './media-download';
import { sameSecret, verifySignature } from './signature';
import { parseWebhook, verificationQuerySchema, type MessagesValue, type WaMessage } from './webhook.schema';

/** Meta retries a notification for up to 7 days: remember stored photos that long. */
const PHOTO_MARKER_TTL_S = 7 * 24 * 3600;
/**
 * Notifications carry text and ids only (media arrive by id, never inline): a batch of long
 * messages stays far below this. The bytes are read up to it and the signature is checked on them
 * before anything parses them.
 */
const BODY_LIMIT = '512kb';

export type WebhookDeps = {
  ctx: ChannelContext;
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  downloadImage: ImageDownloader;
  /** Present only when voice notes are on (SPEECH_TO_TEXT_URL); otherwise audio stays `other`. */
  downloadAudio?: AudioDownloader;
  /** Prefix of this channel's Redis keys (under REDIS_PREFIX). */
  keyPrefix: string;
  /** Per-address rate limit, far above what Meta sends (see rate-limit.ts). */
  rateLimit: RequestHandler;
};

export function whatsappWebhookRouter(deps: WebhookDeps): Router {
  const { ctx } = deps;
  const router = Router();
  router.use(deps.rateLimit);

  router.get('/', (req, res) => {
    if (req.query['hub.mode'] !== 'subscribe' || !sameSecret(req.query['hub.verify_token'], deps.verifyToken))
      return res.status(403).json({ error: 'verification failed: hub.mode must be subscribe and hub.verify_token must match' });
    const query = verificationQuerySchema.safeParse(req.query);
    if (!query.success) return res.status(400).json({ error: 'hub.challenge is missing or too long' });
    res.set('X-Content-Type-Options', 'nosniff').type('text/plain').send(query.data['hub.challenge']);
  });

  /**
   * A photo (or a voice note) is downloaded before it is stored; a redelivered one is recognised
   * first, so it is not downloaded and saved twice.
   */
  async function receiveMessage(msg: WaMessage, contacts: MessagesValue['contacts']) {
    const audio = msg.type === 'audio' && msg.audio && deps.downloadAudio ? { ...msg.audio, download: deps.downloadAudio } : undefined;
    const image = msg.type === 'image' ? msg.image : imageSentAsFile(msg);
    if (!image && !audio) return void (await ctx.receive(toInboundMessage(msg, contacts, payloadOf(msg), new Date())));
    const marker = `${deps.keyPrefix}:photo-stored:${msg.id}`;
    if (await ctx.redis.exists(marker)) return;
    const payload = audio
      ? await audio.download({ id: audio.id, voice: audio.voice === true })
      : await deps.downloadImage({ id: image!.id, caption: image!.caption });
    await ctx.receive(toInboundMessage(msg, contacts, payload, new Date()));
    await ctx.redis.set(marker, '1', 'EX', PHOTO_MARKER_TTL_S);
  }

  router.post('/', rawBodyOnly(BODY_LIMIT), async (req, res) => {
    const signature = req.get('x-hub-signature-256');
    if (!signature) return res.status(401).json({ error: 'missing X-Hub-Signature-256' });
    const raw: unknown = req.body;
    if (!Buffer.isBuffer(raw) || !raw.length) return res.status(415).json({ error: 'send the notification as application/json' });
    if (!verifySignature(raw, signature, deps.appSecret)) {
      ctx.logger.warn('whatsapp-cloud: webhook with a bad signature refused');
      return res.status(401).json({ error: 'invalid X-Hub-Signature-256' });
    }
    // Signed by Meta: only now is it parsed.
    const json = parseJsonBuffer(raw);
    if (json === undefined) return res.status(400).json({ error: 'the notification is not JSON' });
    const parsed = parseWebhook(json);
    if (!parsed.ok) {
      ctx.logger.warn(`whatsapp-cloud: malformed webhook refused: ${parsed.reason}`);
      return res.status(400).json({ error: parsed.reason });
    }
    try {
      for (const value of parsed.values) {
        if (value.metadata.phone_number_id !== deps.phoneNumberId) {
          // The app may serve other numbers too: their traffic is not ours.
          ctx.logger.debug('whatsapp-cloud: notification for another phone number ignored');
          continue;
        }
        for (const msg of value.messages ?? []) await receiveMessage(msg, value.contacts);
        if (value.statuses?.length) await recordStatuses(ctx, value.statuses);
      }
    } catch (err) {
      ctx.logger.error(`whatsapp-cloud: notification not stored, Meta will retry: ${(err as Error).message}`);
      return res.status(500).json({ error: 'could not store the notification; retry later', errorId: res.locals.requestId });
    }
    res.sendStatus(200);
  });

  return router;
}

/** An image sent "as a document" (uncompressed, as some people send photos): a photo like any other; the media store checks the content. */
function imageSentAsFile(msg: WaMessage): { id: string; caption?: string } | undefined {
  const doc = msg.type === 'document' ? msg.document : undefined;
  if (!doc || !isImageFile({ mimeType: doc.mime_type, fileName: doc.filename })) return undefined;
  return { id: doc.id, ...(doc.caption ? { caption: doc.caption } : {}) };
}
