/**
 * The staff bot in the panel (/api/staff): each operator links or unlinks their own Telegram
 * account with a one-time code; agents see which units can receive a dispatch on their phone;
 * supervisors and admins say who is on call and can remove anyone's link (a lost phone).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog, StaffLinkStore } from '../domain/ports';
import { createStaffLinkCode, unlinkStaffTelegram } from '../app/staff/link-staff-telegram';
import { currentOperator, langOf, requireRole } from './auth.middleware';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export const staffUsernameParam = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/);
export const onCallSchema = z.strictObject({ onCall: z.boolean() });

export function staffLinkRoutes(deps: {
  links: StaffLinkStore;
  audit: AuditLog;
  /** false when no staff bot is configured: linking is refused, nothing else changes. */
  enabled: boolean;
  codeMinutes: number;
}): Router {
  const router = Router();
  const actorOf = (res: Parameters<typeof currentOperator>[0]) => {
    const op = currentOperator(res);
    return { username: op.username, role: op.role };
  };

  router.get('/me', async (_req, res) => {
    const me = currentOperator(res);
    res.json({ enabled: deps.enabled, ...(await deps.links.status(me.username)) });
  });

  router.post('/me/code', async (_req, res) => {
    if (!deps.enabled) return void res.status(409).json({ error: panelMessage('staffBotOff', langOf(res)) });
    const result = await createStaffLinkCode(
      { links: deps.links, audit: deps.audit, ttlMinutes: deps.codeMinutes },
      { operator: actorOf(res), requestId: res.locals.requestId },
    );
    if (!result.ok) return void res.status(404).json({ error: panelMessage('operatorUnknown', langOf(res), { username: '' }) });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ code: result.code, expiresAt: result.expiresAt });
  });

  router.delete('/me', async (_req, res) => {
    const me = actorOf(res);
    await unlinkStaffTelegram({ links: deps.links, audit: deps.audit }, { username: me.username, actor: me, requestId: res.locals.requestId });
    res.status(204).end();
  });

  // Units a dispatch can be sent to (linked, active operators): names and teams only.
  router.get('/units', async (_req, res) => {
    const units = deps.enabled ? await deps.links.linkedOperators() : [];
    res.json({ units: units.map((u) => ({ username: u.username, displayName: u.displayName, ...(u.team ? { team: u.team } : {}) })) });
  });

  router.get('/operators', requireRole('supervisor', 'admin'), async (_req, res) => {
    const linked = await deps.links.linkedOperators();
    res.json({ operators: linked.map((o) => ({ username: o.username, displayName: o.displayName, onCall: o.onCall, linkedAt: o.linkedAt })) });
  });

  router.put('/operators/:username/on-call', requireRole('supervisor', 'admin'), async (req, res) => {
    const username = staffUsernameParam.safeParse(req.params.username);
    const body = parseOr400(onCallSchema, req.body, res);
    if (!body) return;
    if (!username.success || !(await deps.links.setOnCall(username.data, body.onCall)))
      return void res.status(404).json({ error: panelMessage('operatorUnknown', langOf(res), { username: String(req.params.username) }) });
    const actor = actorOf(res);
    await deps.audit.record({
      actor: actor.username,
      actorRole: actor.role,
      action: 'staff.on_call',
      details: { operator: username.data, onCall: body.onCall },
      requestId: res.locals.requestId,
    });
    res.status(204).end();
  });

  router.delete('/operators/:username/link', requireRole('admin'), async (req, res) => {
    const username = staffUsernameParam.safeParse(req.params.username);
    if (!username.success) return void res.status(404).json({ error: panelMessage('operatorUnknown', langOf(res), { username: '' }) });
    await unlinkStaffTelegram(
      { links: deps.links, audit: deps.audit },
      { username: username.data, actor: actorOf(res), requestId: res.locals.requestId },
    );
    res.status(204).end();
  });

  return router;
}
