/** Turning a request's session into a signed-in one (after the password, and the second factor when due). */
import type { Request } from 'express';
import type { OperatorRecord, OperatorRole } from '../storage';

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));

/** A fresh session id (no fixation) carrying the operator, the current session epoch and whether enrolment is still due. */
export async function signIn(
  req: Request,
  op: OperatorRecord,
  mfaRequiredRoles: readonly OperatorRole[],
): Promise<{ mfaEnrolmentRequired: boolean }> {
  await regenerate(req);
  req.session.operatorId = op.id;
  req.session.username = op.username;
  req.session.role = op.role;
  req.session.loginAt = Date.now();
  req.session.sessionEpoch = op.sessionEpoch;
  const mfaEnrolmentRequired = mfaRequiredRoles.includes(op.role) && !op.mfa.secret;
  if (mfaEnrolmentRequired) req.session.mfaEnrolmentRequired = true;
  await save(req);
  return { mfaEnrolmentRequired };
}

/** Password accepted, second factor due: a fresh session id that opens nothing but the code check. */
export async function awaitSecondFactor(req: Request, op: OperatorRecord): Promise<void> {
  await regenerate(req);
  req.session.mfaPendingId = op.id;
  req.session.mfaPendingAt = Date.now();
  await save(req);
}

export function endSession(req: Request): Promise<void> {
  return new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}
