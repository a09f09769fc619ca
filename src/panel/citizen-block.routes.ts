/**
 * POST /api/reports/:id/block-citizen {reason, days}: an agent blocks the citizen behind a report
 * (audited); GET .../block-citizen says whether they are blocked; POST .../unblock-citizen {reason}
 * lifts the block early (audited).
 */
import { Router } from 'express';
import { z } from 'zod';
import { BLOCK_MAX_DAYS, blockCitizen, citizenBlockOf, unblockCitizen } from '../app/citizens/block-citizen';
import type { AuditLog, CitizenBlockStore, ReportStore } from '../domain/ports';
import { currentOperator, langOf } from './auth.middleware';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export const unblockSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const blockSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  days: z.number().int().min(1).max(BLOCK_MAX_DAYS),
});

export function citizenBlockRoutes(deps: { reports: ReportStore; blocks: CitizenBlockStore; audit: AuditLog }): Router {
  const router = Router();
  router.post('/:id/block-citizen', async (req, res) => {
    const body = parseOr400(blockSchema, req.body, res);
    if (!body) return;
    const op = currentOperator(res);
    const result = await blockCitizen(deps, {
      reportId: req.params.id,
      reason: body.reason,
      days: body.days,
      actor: { username: op.username, role: op.role },
      now: new Date(),
      requestId: res.locals.requestId,
    });
    if (!result.ok && result.reason === 'not_found') return void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    if (!result.ok) return void res.status(409).json({ error: panelMessage('citizenErased', langOf(res)) });
    res.status(201).json({ until: result.until });
  });
  router.get('/:id/block-citizen', async (req, res) => {
    const result = await citizenBlockOf(deps, req.params.id, new Date());
    if (!result.ok) return void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    res.json({ block: result.block });
  });
  router.post('/:id/unblock-citizen', async (req, res) => {
    const body = parseOr400(unblockSchema, req.body, res);
    if (!body) return;
    const op = currentOperator(res);
    const result = await unblockCitizen(deps, {
      reportId: req.params.id,
      reason: body.reason,
      actor: { username: op.username, role: op.role },
      now: new Date(),
      requestId: res.locals.requestId,
    });
    if (!result.ok && result.reason === 'not_found') return void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    if (!result.ok)
      return void res.status(409).json({ error: panelMessage('citizenNotBlocked', langOf(res)) });
    res.json({ unblocked: true });
  });
  return router;
}
