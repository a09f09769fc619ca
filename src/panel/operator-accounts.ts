/**
 * Creating and changing operator accounts: shared by the operators CLI (script/operators.ts) and
 * the admin API. Validates the input, hashes the password, and answers `{ ok: false, reason }` for
 * expected problems.
 */
import { z } from 'zod';
import type { OperatorRecord, OperatorRole, OperatorStore } from '../storage';
import { hashPassword, passwordProblem } from './passwords';
import { passwordStrength } from './password-strength';

export const OPERATOR_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly OperatorRole[];

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3-64 of a-z 0-9 . _ - (starting with a letter or digit)');
export const displayNameSchema = z.string().trim().min(1, 'display name must not be empty').max(100);
export const roleSchema = z.enum(OPERATOR_ROLES, { message: `role must be one of ${OPERATOR_ROLES.join(', ')}` });

export type OperatorInput = { username: string; displayName?: string; role?: OperatorRole; team?: string; password: string };
export type AccountResult =
  { ok: true; operator: OperatorRecord; created: boolean } | { ok: false; reason: 'invalid' | 'exists' | 'not_found'; detail: string };

function checkInput(input: OperatorInput): { ok: true; username: string } | { ok: false; reason: 'invalid'; detail: string } {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) return { ok: false, reason: 'invalid', detail: username.error.issues[0].message };
  if (input.displayName !== undefined && !displayNameSchema.safeParse(input.displayName).success)
    return { ok: false, reason: 'invalid', detail: 'display name must be 1-100 characters' };
  if (input.role !== undefined && !roleSchema.safeParse(input.role).success)
    return { ok: false, reason: 'invalid', detail: `role must be one of ${OPERATOR_ROLES.join(', ')}` };
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, reason: 'invalid', detail: problem };
  const strength = passwordStrength(input.password, [username.data, ...(input.displayName ?? '').split(/\s+/)], 'en');
  if (!strength.ok) return { ok: false, reason: 'invalid', detail: `the password is too weak: ${strength.hint}` };
  return { ok: true, username: username.data };
}

/** Creates a new operator; `exists` when the username is taken. Role defaults to agent. */
export async function createOperatorAccount(store: OperatorStore, input: OperatorInput): Promise<AccountResult> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  const created = await store.create({
    username: checked.username,
    displayName: input.displayName?.trim() || checked.username,
    role: input.role ?? 'agent',
    ...(input.team ? { team: input.team } : {}),
    passwordHash: await hashPassword(input.password),
  });
  if (!created.ok) return { ok: false, reason: 'exists', detail: `operator "${checked.username}" already exists` };
  return { ok: true, operator: created.operator, created: true };
}

/** Creates the operator, or sets the password (and role/name when given) of an existing one. Idempotent. */
export async function ensureOperatorAccount(store: OperatorStore, input: OperatorInput): Promise<AccountResult> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  const existing = await store.findByUsername(checked.username);
  if (!existing) {
    const created = await createOperatorAccount(store, input);
    // Lost a race with another ensure: fall through to the update below.
    if (created.ok || created.reason !== 'exists') return created;
  }
  await store.setPassword(checked.username, await hashPassword(input.password));
  await store.update(checked.username, { role: input.role, displayName: input.displayName?.trim() || undefined, team: input.team });
  const operator = await store.findByUsername(checked.username);
  if (!operator) return { ok: false, reason: 'not_found', detail: `operator "${checked.username}" not found` };
  return { ok: true, operator, created: false };
}

/** Sets a new password; `not_found` when there is no such operator. */
export async function setOperatorPassword(store: OperatorStore, username: string, password: string): Promise<AccountResult> {
  const checked = checkInput({ username, password });
  if (!checked.ok) return checked;
  if (!(await store.setPassword(checked.username, await hashPassword(password))))
    return { ok: false, reason: 'not_found', detail: `operator "${checked.username}" not found` };
  const operator = (await store.findByUsername(checked.username))!;
  return { ok: true, operator, created: false };
}

export async function setOperatorDisabled(
  store: OperatorStore,
  username: string,
  disabled: boolean,
): Promise<{ ok: true } | { ok: false; reason: 'invalid' | 'not_found'; detail: string }> {
  const name = usernameSchema.safeParse(username);
  if (!name.success) return { ok: false, reason: 'invalid', detail: name.error.issues[0].message };
  if (!(await store.setDisabled(name.data, disabled)))
    return { ok: false, reason: 'not_found', detail: `operator "${name.data}" not found` };
  return { ok: true };
}
