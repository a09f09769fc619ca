/**
 * Advisories to area-alert subscribers (supervisors and admins): POST records one for the chosen
 * zones and schedules its fan-out (src/app/advisories/send-advisory.ts), one background job per advisory,
 * and answers 202 with the advisory 'sending': a send to tens of thousands of subscribers does not
 * hold the request. GET lists them with the fan-out state and the delivery counts of their messages.
 * An Idempotency-Key header makes a retried POST return the same advisory instead of sending a
 * second one (and start its fan-out again if it had failed).
 */
import { Router } from 'express';
import { z } from 'zod';
import { ADVISORY_MAX_CHARS } from '../domain/advisory';
import { sendAdvisory } from '../app/advisories/send-advisory';
import type { Advisory, AdvisoryDeliveryCounts, AdvisoryStore, AuditLog, JobScheduler } from '../domain/ports';
import type { Logger } from '../log/logger';
import { currentOperator, langOf, requireRole } from './auth.middleware';
import type { OperatorNames } from './operator-names';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export type AdvisoryRoutesDeps = {
  advisories: AdvisoryStore;
  scheduler: Pick<JobScheduler, 'enqueueAdvisoryFanOut'>;
  audit: AuditLog;
  names: OperatorNames;
  logger: Logger;
  /** Zone id -> name, in the order the panel lists them. */
  zoneNames: ReadonlyMap<string, string>;
};

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export const advisoryListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export function advisoryBody(zoneNames: ReadonlyMap<string, string>) {
  return z.strictObject({
    zones: z
      .array(
        z
          .string({ message: 'each zone must be a zone id' })
          .refine((id) => zoneNames.has(id), { message: 'unknown zone (see /api/meta zones)' }),
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
    state: a.state,
    ...(a.finishedAt ? { finishedAt: a.finishedAt } : {}),
    recipients: a.recipients,
    failedRecipients: a.failedRecipients,
    ...(delivery ? { delivery } : {}),
  });

  router.post('/', async (req, res) => {
    const input = parseOr400(body, req.body, res);
    if (!input) return;
    const key = req.get('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      return void res
        .status(400)
        .json({ error: panelMessage('badRequest', langOf(res), { detail: 'Idempotency-Key must be 8-100 letters, digits, - or _' }) });
    const result = await sendAdvisory(deps, {
      zones: input.zones,
      text: input.text,
      ...(key ? { requestKey: key } : {}),
      actor: currentOperator(res),
      requestId: res.locals.requestId,
    });
    await deps.names.prime([result.advisory.author]);
    if (result.kind === 'already_sent') return void res.status(200).json({ advisory: present(result.advisory) });
    if (result.kind === 'not_scheduled')
      return void res.status(503).json({ error: panelMessage('advisoryNotScheduled', langOf(res)), advisory: present(result.advisory) });
    res.status(202).json({ advisory: present(result.advisory) });
  });

  router.get('/', async (req, res) => {
    const q = parseOr400(advisoryListQuery, req.query, res);
    if (!q) return;
    const { items, total } = await deps.advisories.list(q.limit, q.offset);
    const counts = await deps.advisories.deliveryCounts(items.map((a) => a.id));
    await deps.names.prime(items.map((a) => a.author));
    res.json({ items: items.map((a) => present(a, counts.get(a.id))), total });
  });

  return router;
}
