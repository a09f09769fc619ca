/** Admin: operator accounts and the WhatsApp (whatsapp-web.js) link state with its QR code. Supervisors: the audit log. */
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AuditLog } from '../domain/ports';
import type { OperatorStore } from '../storage';
import { currentOperator, langOf, requireRole, type OperatorCache } from './auth.middleware';
import { createOperatorAccount, displayNameSchema, roleSchema, setOperatorDisabled, usernameSchema } from './operator-accounts';
import type { OperatorNames } from './operator-names';
import { panelMessage } from './panel-messages';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';
import { parseOr400 } from './validation';

const newOperatorSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: z.string().min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH),
});

const whatsappStatusSchema = z.looseObject({
  state: z.string(),
  qr: z.string().optional(),
  updatedAt: z.union([z.string(), z.number()]).optional(),
  detail: z.string().optional(),
});

export function adminRoutes(deps: {
  operators: OperatorStore;
  operatorCache: OperatorCache;
  names: OperatorNames;
  audit: AuditLog;
  redis: Redis;
  whatsappStatusKey: string;
}): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/operators', async (_req, res) => {
    const ops = await deps.operators.list();
    res.json({ operators: ops.map((o) => ({ username: o.username, displayName: o.displayName, role: o.role, disabled: o.disabled })) });
  });

  router.post('/operators', async (req, res) => {
    const body = parseOr400(newOperatorSchema, req.body, res);
    if (!body) return;
    const created = await createOperatorAccount(deps.operators, body);
    if (!created.ok) {
      const lang = langOf(res);
      return void res
        .status(created.reason === 'exists' ? 409 : 400)
        .json({ error: created.reason === 'exists' ? panelMessage('operatorExists', lang, { username: body.username }) : panelMessage('badRequest', lang, { detail: created.detail }) });
    }
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: 'operator.create',
      details: { username: created.operator.username, role: created.operator.role },
      requestId: res.locals.requestId,
    });
    deps.names.invalidate();
    const o = created.operator;
    res.status(201).json({ operator: { username: o.username, displayName: o.displayName, role: o.role, disabled: o.disabled } });
  });

  const setDisabled = (disabled: boolean) => async (req: Request<{ username: string }>, res: Response) => {
    const result = await setOperatorDisabled(deps.operators, req.params.username, disabled);
    if (!result.ok)
      return void res.status(result.reason === 'not_found' ? 404 : 400).json({ error: panelMessage('operatorUnknown', langOf(res), { username: req.params.username }) });
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: disabled ? 'operator.disable' : 'operator.enable',
      details: { username: req.params.username.toLowerCase() },
      requestId: res.locals.requestId,
    });
    // Sessions of a disabled operator end at their next request.
    deps.operatorCache.forget();
    res.status(204).end();
  };
  router.post('/operators/:username/disable', setDisabled(true));
  router.post('/operators/:username/enable', setDisabled(false));

  router.get('/whatsapp', async (_req, res) => {
    const raw = await deps.redis.get(deps.whatsappStatusKey);
    if (!raw) return void res.json({ state: 'unknown' });
    let parsed: z.infer<typeof whatsappStatusSchema>;
    try {
      parsed = whatsappStatusSchema.parse(JSON.parse(raw));
    } catch {
      return void res.json({ state: 'unknown' });
    }
    const qrDataUrl = parsed.qr ? await QRCode.toDataURL(parsed.qr, { margin: 1, width: 280 }) : undefined;
    res.json({
      state: parsed.state,
      ...(qrDataUrl ? { qrDataUrl } : {}),
      ...(parsed.updatedAt !== undefined ? { updatedAt: new Date(parsed.updatedAt).toISOString() } : {}),
      ...(parsed.detail ? { detail: parsed.detail } : {}),
    });
  });

  return router;
}

const auditQuerySchema = z.strictObject({
  reportId: z.string({ message: 'reportId must be a plain report id' }).regex(/^[a-f0-9]{24}$/i, 'reportId must be a report id'),
});

export function auditRoutes(deps: { audit: AuditLog; names: OperatorNames }): Router {
  const router = Router();
  router.use(requireRole('supervisor', 'admin'));
  router.get('/', async (req, res) => {
    if (req.query.reportId === undefined) return void res.status(400).json({ error: panelMessage('auditNeedsReport', langOf(res)) });
    const q = parseOr400(auditQuerySchema, req.query, res);
    if (!q) return;
    const events = await deps.audit.listForReport(q.reportId);
    await deps.names.prime(events.map((e) => e.actor));
    res.json({
      events: events.map((e) => ({
        at: e.at,
        actor: e.actor,
        actorName: deps.names.nameOf(e.actor),
        actorRole: e.actorRole,
        action: e.action,
        reportId: e.reportId,
        details: e.details ?? {},
      })),
    });
  });
  return router;
}
