/**
 * The signed-in operator's own account: who am I, log out, log out everywhere, change the password,
 * and the second factor (set up with a QR code, confirm, new recovery codes, turn off where the
 * role allows). Every change is audited; a password change and "log out everywhere" end the
 * operator's other sessions and live streams (their session epoch moves on).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../domain/ports';
import type { FieldCipher } from '../security/field-cipher';
import type { OperatorRole, OperatorStore } from '../storage';
import { currentOperator, langOf, type OperatorCache } from './auth.middleware';
import type { LoginThrottle } from './login-throttle';
import { newEnrolment, newRecoveryCodes, recoveryCodeHash, totpStep } from './mfa';
import { panelMessage } from './panel-messages';
import { passwordStrength } from './password-strength';
import { hashPassword, PASSWORD_MAX_LENGTH, passwordProblem, verifyPassword } from './passwords';
import { endSession, signIn } from './sign-in';
import { parseOr400 } from './validation';

type CsrfTokenOf = (req: Request, res: Response) => string;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export const codeSchema = z.strictObject({ code: z.string().trim().min(6).max(12) });
export const passwordOnlySchema = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export type AccountDeps = {
  operators: OperatorStore;
  operatorCache: OperatorCache;
  audit: AuditLog;
  csrfToken: CsrfTokenOf;
  cookieName: string;
  cipher: FieldCipher;
  throttle: LoginThrottle;
  mfaRequiredRoles: readonly OperatorRole[];
  /** Shown in the authenticator app beside the account name. */
  issuer: string;
};

/** Routes that the operator may use while enrolment in MFA is still due (see requireOperator). */
export const ENROLMENT_PATHS = ['/auth/me', '/auth/logout', '/auth/mfa/setup', '/auth/mfa/enable'];

export function accountRoutes(deps: AccountDeps): Router {
  const router = Router();
  const audit = (res: Response, action: string, details?: Record<string, unknown>) => {
    const me = currentOperator(res);
    return deps.audit.record({ actor: me.username, actorRole: me.role, action, details, requestId: res.locals.requestId });
  };
  const address = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

  router.get('/me', async (req, res) => {
    const op = await deps.operators.get(currentOperator(res).id);
    res.json({
      operator: currentOperator(res),
      csrfToken: deps.csrfToken(req, res),
      mfa: {
        enabled: Boolean(op?.mfa.secret),
        required: deps.mfaRequiredRoles.includes(currentOperator(res).role),
        recoveryCodesLeft: op?.mfa.recoveryCodesLeft ?? 0,
      },
      ...(req.session.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
    });
  });

  router.post('/logout', async (req, res) => {
    const op = currentOperator(res);
    await audit(res, 'auth.logout');
    await endSession(req);
    await deps.operatorCache.forget(op.id);
    res.clearCookie(deps.cookieName, { path: '/' });
    res.status(204).end();
  });

  router.post('/logout-everywhere', async (req, res) => {
    const op = currentOperator(res);
    await deps.operators.endAllSessions(op.id);
    await audit(res, 'auth.logout_everywhere');
    await endSession(req);
    await deps.operatorCache.forget(op.id);
    res.clearCookie(deps.cookieName, { path: '/' });
    res.status(204).end();
  });

  router.post('/password', async (req, res) => {
    const body = parseOr400(passwordChangeSchema, req.body, res);
    if (!body) return;
    const lang = langOf(res);
    const me = currentOperator(res);
    // The current password is a guess like any login: throttled the same way.
    const waitMs = await deps.throttle.attempt(me.username, address(req));
    const op = await deps.operators.get(me.id);
    const ok = waitMs === 0 && (await verifyPassword(op?.passwordHash, body.currentPassword));
    if (!ok || !op) return void res.status(403).json({ error: panelMessage('currentPasswordWrong', lang) });
    const problem = passwordProblem(body.newPassword);
    if (problem) return void res.status(400).json({ error: panelMessage('badRequest', lang, { detail: problem }) });
    const strength = passwordStrength(body.newPassword, [op.username, ...op.displayName.split(/\s+/), deps.issuer], lang);
    if (!strength.ok)
      return void res.status(400).json({ error: panelMessage('passwordWeak', lang, { hint: strength.hint }), score: strength.score });
    await deps.operators.setPassword(op.username, await hashPassword(body.newPassword));
    await deps.throttle.succeeded(me.username, address(req));
    await audit(res, 'auth.password_changed');
    await deps.operatorCache.forget(op.id);
    // Every other session ended with the epoch; this one goes on under a new id and the new epoch.
    const updated = (await deps.operators.get(op.id))!;
    await signIn(req, updated, deps.mfaRequiredRoles);
    res.json({ csrfToken: deps.csrfToken(req, res) });
  });

  router.post('/mfa/setup', async (_req, res) => {
    const me = currentOperator(res);
    const op = await deps.operators.get(me.id);
    if (op?.mfa.secret) return void res.status(409).json({ error: panelMessage('mfaAlreadyEnabled', langOf(res)) });
    const enrolment = await newEnrolment(me.username, deps.issuer);
    await deps.operators.setPendingMfaSecret(me.id, deps.cipher.encrypt(enrolment.secretBase32));
    // The secret is also given as text, for authenticator apps typed in by hand.
    res.json({ otpauthUrl: enrolment.otpauthUrl, qrDataUrl: enrolment.qrDataUrl, secret: enrolment.secretBase32 });
  });

  router.post('/mfa/enable', async (req, res) => {
    const body = parseOr400(codeSchema, req.body, res);
    if (!body) return;
    const lang = langOf(res);
    const me = currentOperator(res);
    const op = await deps.operators.get(me.id);
    if (op?.mfa.secret) return void res.status(409).json({ error: panelMessage('mfaAlreadyEnabled', lang) });
    if (!op?.mfa.pendingSecret) return void res.status(409).json({ error: panelMessage('mfaNotStarted', lang) });
    const waitMs = await deps.throttle.attempt(me.username, address(req));
    const step = waitMs === 0 ? totpStep(deps.cipher.decrypt(op.mfa.pendingSecret), body.code) : null;
    if (step === null) return void res.status(400).json({ error: panelMessage('mfaCodeWrong', lang) });
    const codes = newRecoveryCodes();
    if (!(await deps.operators.enableMfa(me.id, op.mfa.pendingSecret, step, codes.map(recoveryCodeHash))))
      return void res.status(409).json({ error: panelMessage('mfaNotStarted', lang) });
    await deps.throttle.succeeded(me.username, address(req));
    delete req.session.mfaEnrolmentRequired;
    await audit(res, 'auth.mfa_enabled');
    // Shown once: only their hashes are kept.
    res.json({ recoveryCodes: codes });
  });

  router.post('/mfa/recovery-codes', async (req, res) => {
    const body = parseOr400(codeSchema, req.body, res);
    if (!body) return;
    const me = currentOperator(res);
    const op = await deps.operators.get(me.id);
    const waitMs = await deps.throttle.attempt(me.username, address(req));
    const step = waitMs === 0 && op?.mfa.secret ? totpStep(deps.cipher.decrypt(op.mfa.secret), body.code) : null;
    if (step === null || !(await deps.operators.useMfaStep(me.id, step)))
      return void res.status(400).json({ error: panelMessage('mfaCodeWrong', langOf(res)) });
    const codes = newRecoveryCodes();
    await deps.operators.setRecoveryHashes(me.id, codes.map(recoveryCodeHash));
    await audit(res, 'auth.mfa_recovery_codes_renewed');
    res.json({ recoveryCodes: codes });
  });

  router.post('/mfa/disable', async (req, res) => {
    const body = parseOr400(passwordOnlySchema, req.body, res);
    if (!body) return;
    const lang = langOf(res);
    const me = currentOperator(res);
    if (deps.mfaRequiredRoles.includes(me.role)) return void res.status(403).json({ error: panelMessage('mfaRequiredForRole', lang) });
    const waitMs = await deps.throttle.attempt(me.username, address(req));
    const op = await deps.operators.get(me.id);
    if (waitMs > 0 || !(await verifyPassword(op?.passwordHash, body.password)))
      return void res.status(403).json({ error: panelMessage('currentPasswordWrong', lang) });
    await deps.operators.resetMfa(me.username);
    await audit(res, 'auth.mfa_disabled');
    // resetMfa moved the epoch on: this session continues under the new one.
    const updated = (await deps.operators.get(me.id))!;
    await signIn(req, updated, deps.mfaRequiredRoles);
    await deps.operatorCache.forget(me.id);
    res.json({ csrfToken: deps.csrfToken(req, res) });
  });

  return router;
}
