/**
 * Signing in: the password, then (when the operator has it) the second factor. Both steps answer
 * the same way and in similar time for an unknown user, a wrong password and a throttled attempt;
 * attempts are counted before any check (login-throttle.ts). The session id changes at each step.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../domain/ports';
import type { FieldCipher } from '../security/field-cipher';
import type { OperatorRecord, OperatorRole, OperatorStore } from '../storage';
import { publicOperator } from './auth.middleware';
import type { LoginThrottle } from './login-throttle';
import { isRecoveryCode, recoveryCodeHash, totpStep } from './mfa';
import { panelMessage } from './panel-messages';
import { verifyPassword } from './passwords';
import { awaitSecondFactor, endSession, signIn } from './sign-in';
import { parseOr400 } from './validation';

export const loginSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const secondFactorSchema = z.strictObject({ code: z.string().trim().min(6).max(20) });

/** Minutes between the password and the second factor. */
const SECOND_FACTOR_MINUTES = 5;

type CsrfTokenOf = (req: Request, res: Response) => string;

/** The demo's accounts (`*.demo`): their passwords were printed on a developer's terminal. */
const DEMO_ACCOUNT = /\.demo$/i;

export type LoginDeps = {
  operators: OperatorStore;
  audit: AuditLog;
  csrfToken: CsrfTokenOf;
  throttle: LoginThrottle;
  cipher: FieldCipher;
  mfaRequiredRoles: readonly OperatorRole[];
  refuseDemoAccounts?: boolean;
};

const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

async function completeSignIn(
  req: Request,
  res: Response,
  deps: LoginDeps,
  op: OperatorRecord,
  via: 'password' | 'totp' | 'recovery_code',
) {
  const { mfaEnrolmentRequired } = await signIn(req, op, deps.mfaRequiredRoles);
  await deps.audit.record({
    actor: op.username,
    actorRole: op.role,
    action: 'auth.login',
    details: { via },
    requestId: res.locals.requestId,
  });
  res.json({
    operator: publicOperator(op),
    csrfToken: deps.csrfToken(req, res),
    ...(mfaEnrolmentRequired ? { mfaEnrolmentRequired } : {}),
  });
}

/** POST /auth/login: the password step. */
export function loginRoute(deps: LoginDeps) {
  return async (req: Request, res: Response) => {
    const body = parseOr400(loginSchema, req.body, res);
    if (!body) return;
    const username = body.username;
    const address = addressOf(req);
    // Counted before the password is checked, atomically: a parallel burst gets no extra guesses.
    const waitMs = await deps.throttle.attempt(username, address);
    const op = waitMs > 0 ? null : await deps.operators.findByUsername(username);
    // In production a demo account answers exactly as a wrong password does.
    const usable = op && !op.disabled && !(deps.refuseDemoAccounts && DEMO_ACCOUNT.test(op.username)) ? op : undefined;
    // The hash is checked (against a dummy when there is no account, or while throttled) so that an
    // unknown user, a wrong password and a throttled attempt take similar time and get one answer.
    const ok = await verifyPassword(usable?.passwordHash, body.password);
    if (!ok || !usable) return void res.status(401).json({ error: panelMessage('badCredentials') });
    if (usable.mfa.secret) {
      // The throttle is cleared only once the second factor passes too.
      await awaitSecondFactor(req, usable);
      return void res.json({ mfaRequired: true, csrfToken: deps.csrfToken(req, res) });
    }
    await deps.throttle.succeeded(username, address);
    await completeSignIn(req, res, deps, usable, 'password');
  };
}

/** POST /auth/login/mfa: the second step, with a TOTP code or a recovery code. */
export function secondFactorRoute(deps: LoginDeps) {
  return async (req: Request, res: Response) => {
    const body = parseOr400(secondFactorSchema, req.body, res);
    if (!body) return;
    const pendingId = req.session?.mfaPendingId;
    const pendingAt = req.session?.mfaPendingAt ?? 0;
    if (!pendingId || Date.now() - pendingAt > SECOND_FACTOR_MINUTES * 60_000) {
      if (pendingId) await endSession(req);
      return void res.status(401).json({ error: panelMessage('mfaLoginExpired'), expired: true });
    }
    const op = await deps.operators.get(pendingId);
    if (!op || op.disabled || !op.mfa.secret) {
      await endSession(req);
      return void res.status(401).json({ error: panelMessage('sessionEnded'), expired: true });
    }
    const address = addressOf(req);
    const waitMs = await deps.throttle.attempt(op.username, address);
    let via: 'totp' | 'recovery_code' | undefined;
    if (waitMs === 0) {
      if (isRecoveryCode(body.code)) {
        if (await deps.operators.useRecoveryCode(op.id, recoveryCodeHash(body.code))) via = 'recovery_code';
      } else {
        const step = totpStep(deps.cipher.decrypt(op.mfa.secret), body.code);
        if (step !== null && (await deps.operators.useMfaStep(op.id, step))) via = 'totp';
      }
    }
    if (!via) return void res.status(401).json({ error: panelMessage('mfaCodeWrong', op.language) });
    await deps.throttle.succeeded(op.username, address);
    await completeSignIn(req, res, deps, op, via);
  };
}
