/**
 * Login, logout, and "who am I". Login regenerates the session id (no fixation), answers the same
 * way and in the same time for an unknown user and a wrong password, and locks the account for a
 * while after repeated failures.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../domain/ports';
import type { OperatorStore } from '../storage';
import { currentOperator, publicOperator, type OperatorCache } from './auth.middleware';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './login-limits';
import { panelMessage } from './panel-messages';
import { verifyPassword } from './passwords';
import { parseOr400 } from './validation';

const loginSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

type CsrfTokenOf = (req: Request, res: Response) => string;

const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));

/** POST /auth/login: the one route without a session. */
/** The demo's accounts (`*.demo`): their passwords were printed on a developer's terminal. */
const DEMO_ACCOUNT = /\.demo$/i;

export function loginRoute(deps: { operators: OperatorStore; audit: AuditLog; csrfToken: CsrfTokenOf; refuseDemoAccounts?: boolean }) {
  return async (req: Request, res: Response) => {
    const body = parseOr400(loginSchema, req.body, res);
    if (!body) return;
    const op = await deps.operators.findByUsername(body.username);
    const now = Date.now();
    if (op?.lockedUntil && op.lockedUntil.getTime() > now) {
      const minutes = Math.ceil((op.lockedUntil.getTime() - now) / 60_000);
      res.setHeader('Retry-After', String(Math.ceil((op.lockedUntil.getTime() - now) / 1000)));
      return void res.status(423).json({ error: panelMessage('locked', op.language, { minutes }) });
    }
    // In production a demo account answers exactly as a wrong password does.
    const usable = op && !op.disabled && !(deps.refuseDemoAccounts && DEMO_ACCOUNT.test(op.username)) ? op : undefined;
    const ok = await verifyPassword(usable?.passwordHash, body.password);
    if (!ok || !usable) {
      if (usable) {
        await deps.operators.recordLoginFailure(usable.id, LOCK_AFTER_FAILURES, LOCK_MINUTES * 60_000);
        const after = await deps.operators.get(usable.id);
        if (after?.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
          await deps.audit.record({
            actor: usable.username,
            actorRole: usable.role,
            action: 'auth.locked',
            details: { failures: LOCK_AFTER_FAILURES, minutes: LOCK_MINUTES },
            requestId: res.locals.requestId,
          });
          res.setHeader('Retry-After', String(LOCK_MINUTES * 60));
          return void res.status(423).json({ error: panelMessage('locked', usable.language, { minutes: LOCK_MINUTES }) });
        }
      }
      return void res.status(401).json({ error: panelMessage('badCredentials') });
    }
    await deps.operators.recordLoginSuccess(usable.id);
    await regenerate(req);
    req.session.operatorId = usable.id;
    req.session.username = usable.username;
    req.session.role = usable.role;
    req.session.loginAt = Date.now();
    await save(req);
    await deps.audit.record({ actor: usable.username, actorRole: usable.role, action: 'auth.login', requestId: res.locals.requestId });
    res.json({ operator: publicOperator(usable), csrfToken: deps.csrfToken(req, res) });
  };
}

/** Routes that need a session: logout and me. */
export function sessionRoutes(deps: { audit: AuditLog; operators: OperatorCache; csrfToken: CsrfTokenOf; cookieName: string }): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    res.json({ operator: currentOperator(res), csrfToken: deps.csrfToken(req, res) });
  });
  router.post('/logout', async (req, res) => {
    const op = currentOperator(res);
    await deps.audit.record({ actor: op.username, actorRole: op.role, action: 'auth.logout', requestId: res.locals.requestId });
    await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
    deps.operators.forget(op.id);
    res.clearCookie(deps.cookieName, { path: '/' });
    res.status(204).end();
  });
  return router;
}
