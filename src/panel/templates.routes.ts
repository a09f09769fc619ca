/**
 * Reply templates: every operator lists them (for a report: only those that fit it, with a preview
 * in the citizen's language); supervisors and admins create, change and delete them (audited).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { categoryById } from '../../config/categories';
import type { AuditLog, ReportStore, TemplateStore } from '../domain/ports';
import { OUTCOMES } from '../domain/report';
import { TEMPLATE_PURPOSES, renderTemplate, templateFits } from '../domain/reply-template';
import { currentOperator, langOf, requireRole } from './auth.middleware';
import { citizenLanguage, templateValuesOf } from '../app/reports/resolve-command';
import { panelMessage } from './panel-messages';
import { ACTION_TEXT_LIMITS } from './report-action.limits';
import { parseOr400 } from './validation';

type Deps = {
  templates: TemplateStore;
  reports: Pick<ReportStore, 'get'>;
  audit: AuditLog;
  categoryIds: readonly string[];
  zoneNames: ReadonlyMap<string, string>;
  teams: ReadonlyArray<{ id: string; name: { it: string; en: string } }>;
};

const text = z.string().trim().min(1).max(ACTION_TEXT_LIMITS.message);

export const templateBodySchema = (categoryIds: readonly string[]) =>
  z.strictObject({
    name: z.string().trim().min(1).max(80),
    purpose: z.enum(TEMPLATE_PURPOSES),
    categoryId: z
      .string()
      .refine((c) => categoryIds.includes(c), 'unknown category')
      .optional(),
    outcome: z.enum(OUTCOMES).optional(),
    texts: z.strictObject({ it: text, en: text }),
  });
export const templateListSchema = z.strictObject({
  purpose: z.enum(TEMPLATE_PURPOSES).optional(),
  reportId: z
    .string()
    .regex(/^[a-f0-9]{24}$/i)
    .optional(),
  outcome: z.enum(OUTCOMES).optional(),
});

export function templateRoutes(deps: Deps): Router {
  const router = Router();
  const bodySchema = templateBodySchema(deps.categoryIds);
  const listSchema = templateListSchema;

  router.get('/', async (req, res) => {
    const q = parseOr400(listSchema, req.query, res);
    if (!q) return;
    let list = await deps.templates.list();
    if (q.purpose) list = list.filter((t) => t.purpose === q.purpose);
    const report = q.reportId ? await deps.reports.get(q.reportId) : null;
    if (!report) return void res.json({ templates: list });
    const lang = citizenLanguage(report);
    const values = templateValuesOf(report, lang, {
      categoryLabel: (id, l) => categoryById(id)?.labels[l] ?? id,
      zoneName: (id) => (id ? deps.zoneNames.get(id) : undefined),
      teams: deps.teams,
    });
    res.json({
      language: lang,
      templates: list
        .filter((t) => templateFits(t, report, q.outcome))
        .map((t) => ({ ...t, preview: renderTemplate(t.texts[lang], values) })),
    });
  });

  const audit = (res: Response, action: string, details: Record<string, unknown>) => {
    const me = currentOperator(res);
    return deps.audit.record({ actor: me.username, actorRole: me.role, action, details, requestId: res.locals.requestId });
  };
  router.post('/', requireRole('supervisor', 'admin'), async (req, res) => {
    const body = parseOr400(bodySchema, req.body, res);
    if (!body) return;
    const created = await deps.templates.create({ ...body, updatedBy: currentOperator(res).username });
    await audit(res, 'template.create', { templateId: created.id, name: created.name });
    res.status(201).json({ template: created });
  });
  router.put('/:id', requireRole('supervisor', 'admin'), async (req: Request<{ id: string }>, res) => {
    const body = parseOr400(bodySchema, req.body, res);
    if (!body) return;
    const updated = await deps.templates.update(req.params.id, { ...body, updatedBy: currentOperator(res).username });
    if (!updated) return void res.status(404).json({ error: panelMessage('badRequest', langOf(res), { detail: 'unknown template' }) });
    await audit(res, 'template.update', { templateId: updated.id, name: updated.name });
    res.json({ template: updated });
  });
  router.delete('/:id', requireRole('supervisor', 'admin'), async (req: Request<{ id: string }>, res) => {
    if (!(await deps.templates.remove(req.params.id)))
      return void res.status(404).json({ error: panelMessage('badRequest', langOf(res), { detail: 'unknown template' }) });
    await audit(res, 'template.delete', { templateId: req.params.id });
    res.status(204).end();
  });
  return router;
}
