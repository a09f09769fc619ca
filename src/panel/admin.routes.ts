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
import { csvLine } from './report-export';

export const teamSchema = z.string().regex(/^[a-z0-9-]{2,32}$/, 'team must be a team id');
export const newOperatorSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  team: teamSchema.optional(),
  password: z.string().min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH),
});

export const operatorTeamSchema = z.strictObject({ team: teamSchema.nullable() });

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
  teams: ReadonlyArray<{ id: string }>;
}): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/operators', async (_req, res) => {
    const ops = await deps.operators.list();
    res.json({
      operators: ops.map((o) => ({
        username: o.username,
        displayName: o.displayName,
        role: o.role,
        disabled: o.disabled,
        mfaEnabled: Boolean(o.mfa.secret),
      })),
    });
  });

  router.post('/operators', async (req, res) => {
    const body = parseOr400(newOperatorSchema, req.body, res);
    if (!body) return;
    if (body.team && !deps.teams.some((t) => t.id === body.team))
      return void res.status(400).json({ error: panelMessage('badRequest', langOf(res), { detail: `unknown team ${body.team}` }) });
    const created = await createOperatorAccount(deps.operators, body);
    if (!created.ok) {
      const lang = langOf(res);
      return void res.status(created.reason === 'exists' ? 409 : 400).json({
        error:
          created.reason === 'exists'
            ? panelMessage('operatorExists', lang, { username: body.username })
            : panelMessage('badRequest', lang, { detail: created.detail }),
      });
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
      return void res
        .status(result.reason === 'not_found' ? 404 : 400)
        .json({ error: panelMessage('operatorUnknown', langOf(res), { username: req.params.username }) });
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: disabled ? 'operator.disable' : 'operator.enable',
      details: { username: req.params.username.toLowerCase() },
      requestId: res.locals.requestId,
    });
    // Sessions of a disabled operator end at their next request.
    await deps.operatorCache.forget();
    res.status(204).end();
  };
  // Moving an operator to another team (or out of any): audited; their open assignments stay as they are.
  router.post('/operators/:username/team', async (req: Request<{ username: string }>, res: Response) => {
    const body = parseOr400(operatorTeamSchema, req.body, res);
    if (!body) return;
    if (body.team && !deps.teams.some((t) => t.id === body.team))
      return void res.status(400).json({ error: panelMessage('badRequest', langOf(res), { detail: `unknown team ${body.team}` }) });
    const username = usernameSchema.safeParse(req.params.username);
    if (!username.success || !(await deps.operators.setTeam(username.data, body.team ?? undefined)))
      return void res.status(404).json({ error: panelMessage('operatorUnknown', langOf(res), { username: req.params.username }) });
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: 'operator.team',
      details: { username: username.data, team: body.team },
      requestId: res.locals.requestId,
    });
    await deps.operatorCache.forget();
    deps.names.invalidate();
    res.status(204).end();
  });

  // A lost phone: the operator sets up the second factor again at the next login; their sessions end.
  router.post('/operators/:username/reset-mfa', async (req: Request<{ username: string }>, res: Response) => {
    const username = usernameSchema.safeParse(req.params.username);
    if (!username.success || !(await deps.operators.resetMfa(username.data)))
      return void res.status(404).json({ error: panelMessage('operatorUnknown', langOf(res), { username: req.params.username }) });
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: 'operator.mfa_reset',
      details: { username: username.data },
      requestId: res.locals.requestId,
    });
    await deps.operatorCache.forget();
    res.status(204).end();
  });
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

export const auditQuerySchema = z.strictObject({
  reportId: z.string({ message: 'reportId must be a plain report id' }).regex(/^[a-f0-9]{24}$/i, 'reportId must be a report id'),
});

/** The accesses to personal data a supervisor (or the data protection officer) reviews. */
export const ACCESS_ACTIONS = ['identity.reveal', 'identity.reveal_refused', 'photo.view', 'photo.sent_to_unit', 'voice.view'] as const;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .transform((d) => new Date(`${d}T00:00:00Z`));
export const accessQuerySchema = z.strictObject({
  action: z.enum(ACCESS_ACTIONS).optional(),
  actor: usernameSchema.optional(),
  reportId: z
    .string()
    .regex(/^[a-f0-9]{24}$/i, 'reportId must be a report id')
    .optional(),
  from: day.optional(),
  /** Inclusive: the whole day. */
  to: day.transform((d) => new Date(d.getTime() + 86_400_000)).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
const ACCESS_LIST_LIMIT = 500;
const ACCESS_CSV_LIMIT = 50_000;

export function auditRoutes(deps: { audit: AuditLog; names: OperatorNames }): Router {
  const router = Router();
  router.use(requireRole('supervisor', 'admin'));
  // Who looked at whose identity or photos, why and when; the CSV is itself an access, so it is audited.
  router.get('/access', async (req, res) => {
    const q = parseOr400(accessQuerySchema, req.query, res);
    if (!q) return;
    const events = await deps.audit.search({
      actions: q.action ? [q.action] : ACCESS_ACTIONS,
      actor: q.actor,
      reportId: q.reportId,
      from: q.from,
      to: q.to,
      limit: q.format === 'csv' ? ACCESS_CSV_LIMIT : ACCESS_LIST_LIMIT,
    });
    await deps.names.prime(events.map((e) => e.actor));
    const rows = events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      actorName: deps.names.nameOf(e.actor),
      actorRole: e.actorRole ?? '',
      action: e.action,
      reportId: e.reportId ?? '',
      reason: typeof e.details?.reason === 'string' ? e.details.reason : '',
      photo: typeof e.details?.ref === 'string' ? e.details.ref : '',
    }));
    if (q.format === 'json') return void res.json({ events: rows, limit: ACCESS_LIST_LIMIT });
    const me = currentOperator(res);
    await deps.audit.record({
      actor: me.username,
      actorRole: me.role,
      action: 'audit.access_export',
      details: { rows: rows.length },
      requestId: res.locals.requestId,
    });
    const columns = ['at', 'actor', 'actorName', 'actorRole', 'action', 'reportId', 'reason', 'photo'] as const;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="accessi-dati-personali.csv"');
    res.send('\uFEFF' + [csvLine([...columns]), ...rows.map((r) => csvLine(columns.map((c) => r[c] ?? '')))].join(''));
  });
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
