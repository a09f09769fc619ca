/**
 * Linking an operator's Telegram account to the staff bot: the operator asks the panel for a
 * one-time code (kept only as a hash, valid a few minutes) and writes it to the bot, which links
 * that chat to them. Unlinking (by the operator or an admin) and disabling the operator revoke the
 * link at once: the bot reads the operator on every update. Every step is audited.
 */
import { createHash, randomInt } from 'node:crypto';
import type { AuditLog, LinkedOperator, StaffLinkStore } from '../../domain/ports';

/** No 0/O, 1/I/L: a code read off a screen and typed on a phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

export const hashLinkCode = (code: string) => createHash('sha256').update(`staff-link:${code}`).digest('hex');

/** The code in what the operator typed ("/start AB3D-EF7H", "ab3def7h"), or null. */
export function linkCodeIn(text: string): string | null {
  const candidate = text
    .replace(/^\/start\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  return CODE_PATTERN.test(candidate) ? candidate : null;
}

export async function createStaffLinkCode(
  deps: { links: StaffLinkStore; audit: AuditLog; ttlMinutes: number },
  input: { operator: { username: string; role: string }; now?: Date; requestId?: string },
): Promise<{ ok: true; code: string; expiresAt: Date } | { ok: false; reason: 'not_found' }> {
  const now = input.now ?? new Date();
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + deps.ttlMinutes * 60_000);
  if (!(await deps.links.setLinkCode(input.operator.username, hashLinkCode(code), expiresAt))) return { ok: false, reason: 'not_found' };
  await deps.audit.record({
    actor: input.operator.username,
    actorRole: input.operator.role,
    action: 'staff.link_code',
    details: { expiresAt },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { ok: true, code, expiresAt };
}

/** The bot's side: a code written in a chat links that chat; null when the text holds no valid code. */
export async function redeemStaffLinkCode(
  deps: { links: StaffLinkStore; audit: AuditLog },
  input: { text: string; chatId: string; now?: Date },
): Promise<LinkedOperator | null> {
  const code = linkCodeIn(input.text);
  if (!code) return null;
  const operator = await deps.links.redeemLinkCode(hashLinkCode(code), input.chatId, input.now ?? new Date());
  if (operator) await deps.audit.record({ actor: operator.username, actorRole: operator.role, action: 'staff.linked' });
  return operator;
}

export async function unlinkStaffTelegram(
  deps: { links: StaffLinkStore; audit: AuditLog },
  input: { username: string; actor: { username: string; role: string }; requestId?: string },
): Promise<boolean> {
  const removed = await deps.links.unlink(input.username);
  if (removed)
    await deps.audit.record({
      actor: input.actor.username,
      actorRole: input.actor.role,
      action: 'staff.unlinked',
      details: { operator: input.username },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
  return removed;
}
