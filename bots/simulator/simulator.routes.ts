/**
 * The web simulator channel's HTTP side: a JSON API to chat as a citizen (used by the tests and by
 * the /simulator page) and the page itself.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { Router } from 'express';
import type { InboundPayload } from '../../src/domain/message';
import type { InboxStore } from '../../src/domain/ports';
import { jsonBody } from '../../src/panel/json-body';
import { publicRateLimit } from '../../src/panel/rate-limit';
import { PANEL_DIST_DIR } from '../../src/panel/static.routes';
import { securityHeaders } from '../../src/panel/security-headers';
import { loadTerritory } from '../../src/geo/territory';
import { municipalityDir } from '../../config/municipality';
import type { ChannelContext } from '../channel-context';
import { audioPayload, saveVoiceNote } from '../voice-note';
import { chatIdSchema, firstIssue, simulatorMessageSchema, type SimulatorMessageBody } from './simulator.schema';
import { waitForProcessing } from './wait-for-processing';

const REPLY_TIMEOUT_MS = 10_000;
const PHOTO_FAILURE_TEXT = { too_large: 'too_large', not_an_image: 'not_an_image', empty: 'not_an_image' } as const;

async function toPayload(ctx: ChannelContext, body: SimulatorMessageBody): Promise<InboundPayload> {
  if (body.text !== undefined) return { kind: 'text', text: body.text };
  if (body.location) return { kind: 'location', point: { lat: body.location.lat, lng: body.location.lng } };
  if (body.voice) {
    // Like a platform's voice note: usable only with a speech-to-text server, otherwise "please write".
    if (!ctx.audio) return { kind: 'other', platformType: 'voice' };
    const bytes = Buffer.from(body.voice.base64, 'base64');
    if (bytes.length > ctx.config.VOICE_NOTE_MAX_BYTES) return audioPayload(true, undefined, { failure: 'too_large' });
    return saveVoiceNote(ctx.audio, bytes, true);
  }
  const photo = body.photo!;
  const bytes = Buffer.from(photo.base64, 'base64');
  const saved = await ctx.media.saveImage(bytes);
  return saved.ok
    ? { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType, caption: photo.caption }
    : { kind: 'photo', caption: photo.caption, failure: PHOTO_FAILURE_TEXT[saved.reason] };
}

export function simulatorRouter(ctx: ChannelContext, inbox: InboxStore): Router {
  const router = Router();
  const api = Router();
  // Anyone who can reach the simulator can chat: bounded per client address.
  api.use(
    publicRateLimit({
      redis: ctx.redis,
      keyPrefix: `${ctx.config.REDIS_PREFIX}:ratelimit:simulator:`,
      perMinute: ctx.config.SIMULATOR_RATE_LIMIT_PER_MINUTE,
      refuse: (res) => void res.status(429).json({ error: 'too many requests: try again in a minute' }),
    }),
  );
  // Photos arrive base64-encoded: allow the media limit plus the encoding overhead.
  api.use(jsonBody(`${Math.ceil((ctx.config.MEDIA_MAX_BYTES * 4) / 3 / 1024) + 64}kb`));

  api.post('/chats/:chatId/messages', async (req, res) => {
    const chatId = chatIdSchema.safeParse(req.params.chatId);
    if (!chatId.success) return res.status(400).json({ error: firstIssue(chatId.error) });
    if (!req.is('application/json')) return res.status(400).json({ error: 'send a JSON body (Content-Type: application/json)' });
    const body = simulatorMessageSchema.safeParse(req.body);
    if (!body.success) return res.status(400).json({ error: firstIssue(body.error) });
    if (body.data.photo && !/^[A-Za-z0-9+/=\s]+$/.test(body.data.photo.base64))
      return res.status(400).json({ error: 'photo.base64 is not valid base64' });
    if (body.data.voice && !/^[A-Za-z0-9+/=\s]+$/.test(body.data.voice.base64))
      return res.status(400).json({ error: 'voice.base64 is not valid base64' });
    const messageId = body.data.messageId ?? `sim-${randomUUID()}`;
    const { duplicate, blocked, messageRef } = await ctx.receive({
      channel: 'simulator',
      chatId: chatId.data,
      messageId,
      receivedAt: new Date(),
      sender: { platformId: chatId.data, displayName: `Simulator ${chatId.data}` },
      payload: await toPayload(ctx, body.data),
    });
    // A blocked citizen's message is not stored: only the one notice (if due) answers it.
    // Live events name the message by the inbox's reference; the inbox is read by the client's id.
    const outcome = blocked
      ? 'processed'
      : await waitForProcessing({ inbox, events: ctx.events }, 'simulator', messageId, REPLY_TIMEOUT_MS, duplicate, messageRef);
    if (outcome === 'timeout') return res.status(504).json({ error: 'the message was stored but not processed within 10 s' });
    const replies = await ctx.outbound.listReplies('simulator', messageId);
    res.json({
      messageId,
      replies: replies.map((r) => ({ text: r.text, ...(r.choices?.length ? { choices: r.choices } : {}), ...(r.requestLocation ? { requestLocation: true } : {}) })),
    });
  });

  api.get('/chats/:chatId/messages', async (req, res) => {
    const chatId = chatIdSchema.safeParse(req.params.chatId);
    if (!chatId.success) return res.status(400).json({ error: firstIssue(chatId.error) });
    const messages = await ctx.outbound.listForChat('simulator', chatId.data);
    res.json({
      messages: messages.map((m) => ({
        text: m.text,
        ...(m.choices?.length ? { choices: m.choices } : {}),
        ...(m.requestLocation ? { requestLocation: true } : {}),
        purpose: m.purpose ?? 'dialog',
        at: m.createdAt,
      })),
    });
  });

  // What the page's map needs: the tile server and where to centre (the municipality).
  let pageConfig: { mapTileUrl: string; center: { lat: number; lng: number }; municipality: string } | undefined;
  api.get('/config', (_req, res) => {
    if (!pageConfig) {
      const territory = loadTerritory(municipalityDir(ctx.config.MUNICIPALITY));
      pageConfig = { mapTileUrl: ctx.config.MAP_TILE_URL, center: territory.center(), municipality: territory.name };
    }
    res.json(pageConfig);
  });

  router.use('/api/simulator', api);
  // The page and its files get the panel's strict CSP (scripts and styles only from here).
  router.use('/simulator', securityHeaders({ mapTileUrl: ctx.config.MAP_TILE_URL, production: ctx.config.NODE_ENV === 'production' }));
  const publicDir = path.join(import.meta.dirname, 'public');
  router.get('/simulator', (_req, res) => res.sendFile(path.join(publicDir, 'simulator.html')));
  // The page's script is built from TypeScript with the panel (bots/simulator/web, script/build-panel.sh).
  router.use('/simulator/assets', express.static(path.join(PANEL_DIST_DIR, 'simulator'), { index: false }));
  router.use('/simulator/assets', express.static(publicDir, { index: false, fallthrough: false }));
  router.use(
    '/simulator/vendor/leaflet',
    express.static(path.resolve(import.meta.dirname, '../../node_modules/leaflet/dist'), { index: false, fallthrough: false }),
  );
  return router;
}
