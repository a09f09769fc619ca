/**
 * The Cloud API webhook (mounted at /webhooks/whatsapp). GET: Meta's subscription handshake.
 * POST: signed notifications; every message is in the inbox before we answer 200, and any storage
 * fault answers 500 so Meta delivers the notification again (the inbox makes that a no-op).
 */
import { Router } from 'express';
import { jsonBody } from '../../src/panel/json-body';
import type { ChannelContext } from '../channel-context';
import { recordStatuses } from './delivery-statuses';
import { payloadOf, toInboundMessage } from './inbound-message';
import type { ImageDownloader } from './media-download';
import { sameSecret, verifySignature } from './signature';
import { parseWebhook, type MessagesValue, type WaMessage } from './webhook.schema';

/** Meta retries a notification for up to 7 days: remember stored photos that long. */
const PHOTO_MARKER_TTL_S = 7 * 24 * 3600;
/** Notifications are small; media arrive by id, never inline. */
const BODY_LIMIT = '3mb';

export type WebhookDeps = {
  ctx: ChannelContext;
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  downloadImage: ImageDownloader;
  /** Prefix of this channel's Redis keys (under REDIS_PREFIX). */
  keyPrefix: string;
};

export function whatsappWebhookRouter(deps: WebhookDeps): Router {
  const { ctx } = deps;
  const router = Router();

  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const challenge = req.query['hub.challenge'];
    if (mode !== 'subscribe' || !sameSecret(req.query['hub.verify_token'], deps.verifyToken))
      return res.status(403).json({ error: 'verification failed: hub.mode must be subscribe and hub.verify_token must match' });
    if (typeof challenge !== 'string' || !challenge || challenge.length > 256)
      return res.status(400).json({ error: 'hub.challenge is missing or too long' });
    res.set('X-Content-Type-Options', 'nosniff').type('text/plain').send(challenge);
  });

  /**
   * A photo is downloaded before it is stored; a redelivered one is recognised first, so it is not
   * downloaded and saved twice.
   */
  async function receiveMessage(msg: WaMessage, contacts: MessagesValue['contacts']) {
    if (msg.type !== 'image') return void (await ctx.receive(toInboundMessage(msg, contacts, payloadOf(msg), new Date())));
    const marker = `${deps.keyPrefix}:photo-stored:${msg.id}`;
    if (await ctx.redis.exists(marker)) return;
    const payload = await deps.downloadImage({ id: msg.image!.id, caption: msg.image!.caption });
    await ctx.receive(toInboundMessage(msg, contacts, payload, new Date()));
    await ctx.redis.set(marker, '1', 'EX', PHOTO_MARKER_TTL_S);
  }

  router.post('/', jsonBody(BODY_LIMIT), async (req, res) => {
    const signature = req.get('x-hub-signature-256');
    if (!signature) return res.status(401).json({ error: 'missing X-Hub-Signature-256' });
    if (!req.rawBody) return res.status(415).json({ error: 'send the notification as application/json' });
    if (!verifySignature(req.rawBody, signature, deps.appSecret)) {
      ctx.logger.warn('whatsapp-cloud: webhook with a bad signature refused');
      return res.status(401).json({ error: 'invalid X-Hub-Signature-256' });
    }
    const parsed = parseWebhook(req.body);
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
      return res.status(500).json({ error: 'could not store the notification; retry later' });
    }
    res.sendStatus(200);
  });

  return router;
}
