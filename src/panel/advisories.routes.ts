/**
 * Advisories to area-alert subscribers (supervisors and admins): POST sends one to the subscribers
 * of the chosen zones, one message per citizen, recorded in the outbound log with
 * purpose 'advisory' and queued on each channel, whose sender keeps the platform's limits and rules
 * (outside WhatsApp's 24-hour window a message without a template becomes 'undeliverable'). GET
 * lists them with their delivery counts. An Idempotency-Key header makes a retried POST complete
 * the same advisory instead of sending a second one.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ADVISORY_MAX_CHARS, advisoryText } from '../domain/advisory';
import type { OutboundMessage } from '../domain/message';
import type { Advisory, AdvisoryDeliveryCounts, AdvisoryStore, AuditLog, IdentityStore, JobScheduler, OutboundLog, Subscription, SubscriptionStore } from '../domain/ports';
import type { Logger } from '../log/logger';
import { currentOperator, langOf, requireRole } from './auth.middleware';
import type { OperatorNames } from './operator-names';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export type AdvisoryRoutesDeps = {
  advisories: AdvisoryStore;
  subscriptions: Pick<SubscriptionStore, 'findForZones'>;
  /** Where each subscriber is reached (subscriptions carry only citizenRefs). */
  identities: Pick<IdentityStore, 'get'>;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  audit: AuditLog;
  names: OperatorNames;
  logger: Logger;
  municipalityName: string;
  /** Zone id -> name, in the order the panel lists them. */
  zoneNames: ReadonlyMap<string, string>;
};

/** Messages recorded and queued at once while fanning out. */
const FAN_OUT_CONCURRENCY = 8;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

function advisoryBody(zoneNames: ReadonlyMap<string, string>) {
  return z.strictObject({
    zones: z
      .array(
        z.string({ message: 'each zone must be a zone id' }).refine((id) => zoneNames.has(id), { message: 'unknown zone (see /api/meta zones)' }),
        { message: 'zones must be a list of zone ids' },
      )
      .min(1, 'choose at least one zone')
      .max(zoneNames.size, 'too many zones')
      .transform((ids) => [...new Set(ids)]),
    text: z
      .string({ message: 'text must be text' })
      .trim()
      .min(1, 'text must not be empty')
      .max(ADVISORY_MAX_CHARS, `text must be at most ${ADVISORY_MAX_CHARS} characters`),
  });
}

type Chat = { citizenRef: string; channel: Subscription['channel']; language: 'it' | 'en'; zoneIds: Set<string> };

/** One entry per citizen: a citizen with several matching subscriptions gets the advisory once. */
function chatsOf(subscriptions: readonly Subscription[], zones: readonly string[]): Chat[] {
  const chats = new Map<string, Chat>();
  for (const sub of subscriptions) {
    const chat = chats.get(sub.citizenRef) ?? { citizenRef: sub.citizenRef, channel: sub.channel, language: sub.language, zoneIds: new Set<string>() };
    if (sub.zoneId && zones.includes(sub.zoneId)) chat.zoneIds.add(sub.zoneId);
    chats.set(sub.citizenRef, chat);
  }
  return [...chats.values()];
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export function advisoryRoutes(deps: AdvisoryRoutesDeps): Router {
  const router = Router();
  const body = advisoryBody(deps.zoneNames);
  router.use(requireRole('supervisor', 'admin'));

  const present = (a: Advisory, delivery?: AdvisoryDeliveryCounts) => ({
    id: a.id,
    zones: a.zones,
    zoneNames: a.zones.map((id) => deps.zoneNames.get(id) ?? id),
    text: a.text,
    createdAt: a.createdAt,
    author: a.author,
    authorName: deps.names.nameOf(a.author) ?? a.author,
    recipients: a.recipients,
    ...(delivery ? { delivery } : {}),
  });

  /** Records and queues the advisory for every subscribed chat (idempotent per advisory and chat). */
  async function fanOut(advisory: Advisory): Promise<{ recipients: number; failed: number }> {
    const chats = chatsOf(await deps.subscriptions.findForZones(advisory.zones), advisory.zones);
    let failed = 0;
    await inBatches(chats, FAN_OUT_CONCURRENCY, async (chat) => {
      // Subscriptions name the citizen only: the chat comes from the identity store.
      const identity = await deps.identities.get(chat.citizenRef).catch(() => null);
      if (!identity) {
        failed++;
        return;
      }
      const msg: OutboundMessage = {
        channel: chat.channel,
        chatId: identity.chatId,
        text: advisoryText(advisory.text, {
          municipality: deps.municipalityName,
          zoneNames: [...chat.zoneIds].map((id) => deps.zoneNames.get(id) ?? id),
          lang: chat.language,
        }),
        purpose: 'advisory',
        advisoryId: advisory.id,
        outboundId: `advisory:${advisory.id}:${chat.citizenRef}`,
      };
      try {
        await deps.outbound.record(msg);
        await deps.scheduler.enqueueOutbound(msg);
      } catch (err) {
        failed++;
        deps.logger.error(`advisory ${advisory.id} to a ${chat.channel} chat could not be queued: ${(err as Error).message}`);
      }
    });
    return { recipients: chats.length, failed };
  }

  router.post('/', async (req, res, next) => {
    try {
      const input = parseOr400(body, req.body, res);
      if (!input) return;
      const key = req.get('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        return void res.status(400).json({ error: panelMessage('badRequest', langOf(res), { detail: 'Idempotency-Key must be 8-100 letters, digits, - or _' }) });
      const me = currentOperator(res);
      const { advisory, created } = await deps.advisories.create({ zones: input.zones, text: input.text, author: me.username, ...(key ? { requestKey: key } : {}) });
      const { recipients, failed } = await fanOut(advisory);
      await deps.advisories.setRecipients(advisory.id, recipients);
      await deps.audit.record({
        actor: me.username,
        actorRole: me.role,
        action: 'advisory.send',
        details: { advisoryId: advisory.id, zones: advisory.zones, recipients, ...(failed ? { failed } : {}), ...(created ? {} : { retry: true }) },
        requestId: res.locals.requestId,
      });
      // Some messages could not be queued: a retry with the same Idempotency-Key completes them.
      if (failed) return void res.status(503).json({ error: panelMessage('advisoryIncomplete', langOf(res), { failed, recipients }), advisory: present({ ...advisory, recipients }) });
      await deps.names.prime([advisory.author]);
      res.status(created ? 201 : 200).json({ advisory: present({ ...advisory, recipients }) });
    } catch (err) {
      next(err);
    }
  });

  router.get('/', async (req, res, next) => {
    try {
      const q = parseOr400(listQuery, req.query, res);
      if (!q) return;
      const { items, total } = await deps.advisories.list(q.limit, q.offset);
      const counts = await deps.advisories.deliveryCounts(items.map((a) => a.id));
      await deps.names.prime(items.map((a) => a.author));
      res.json({ items: items.map((a) => present(a, counts.get(a.id))), total });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
