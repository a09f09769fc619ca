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
import type { LoginThrottle } from './login-throttle';
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

export function loginRoute(deps: { operators: OperatorStore; audit: AuditLog; csrfToken: CsrfTokenOf; throttle: LoginThrottle; refuseDemoAccounts?: boolean }) {
  return async (req: Request, res: Response) => {
    const body = parseOr400(loginSchema, req.body, res);
    if (!body) return;
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const username = body.username.trim().toLowerCase();
    // Counted before the password is checked, atomically: a parallel burst gets no extra guesses.
    const waitMs = await deps.throttle.attempt(username, address);
    const op = waitMs > 0 ? null : await deps.operators.findByUsername(body.username);
    // In production a demo account answers exactly as a wrong password does.
    const usable = op && !op.disabled && !(deps.refuseDemoAccounts && DEMO_ACCOUNT.test(op.username)) ? op : undefined;
    // The hash is checked (against a dummy when there is no account, or while throttled) so that an
    // unknown user, a wrong password and a throttled attempt take similar time and get one answer.
    const ok = await verifyPassword(usable?.passwordHash, body.password);
    if (!ok || !usable) return void res.status(401).json({ error: panelMessage('badCredentials') });
    await deps.throttle.succeeded(username, address);
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
