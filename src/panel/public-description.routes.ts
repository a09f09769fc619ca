/**
 * PUT /api/reports/:id/public-description {"text": "..."}: the copy of the description the public
 * Open311 API may show (an empty text withdraws it). Any operator who can act on reports may
 * approve one; the use case audits it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { approvePublicDescription, PUBLIC_DESCRIPTION_MAX_CHARS } from '../app/reports/approve-public-description';
import type { AuditLog } from '../domain/ports';
import type { PublicReportStore } from '../domain/public-reports';
import { currentOperator, langOf } from './auth.middleware';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export const publicDescriptionSchema = z.object({ text: z.string().max(PUBLIC_DESCRIPTION_MAX_CHARS) }).strict();
const idSchema = z.string().regex(/^[a-f0-9]{24}$/);

export function publicDescriptionRoutes(deps: { publicReports: PublicReportStore; audit: AuditLog }): Router {
  const router = Router();
  router.put('/:id/public-description', async (req, res) => {
    const body = parseOr400(publicDescriptionSchema, req.body, res);
    if (!body) return;
    const notFound = () => void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    if (!idSchema.safeParse(req.params.id).success) return notFound();
    const op = currentOperator(res);
    const result = await approvePublicDescription(deps, {
      reportId: req.params.id,
      text: body.text,
      actor: { username: op.username, role: op.role },
      requestId: res.locals.requestId,
      now: new Date(),
    });
    if (!result.ok) return notFound();
    res.json({ publicId: result.publicId, publicDescription: result.publicDescription });
  });
  return router;
}
