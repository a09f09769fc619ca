/**
 * Revealing who sent a report: the one way from a report to a person. A reason is required and kept
 * in the audit entry; by default only the agent holding the report, supervisors and admins may ask
 * (IDENTITY_REVEAL_POLICY=any_agent opens it to every agent). Refusals are audited too, so a
 * supervisor sees who tried.
 */
import type { AuditLog, CitizenIdentity, IdentityStore, ReportStore } from '../../domain/ports';

export type RevealPolicy = 'assignee' | 'any_agent';
export type RevealActor = { username: string; role: 'agent' | 'supervisor' | 'admin' };
export type RevealResult =
  | { ok: true; identity: Pick<CitizenIdentity, 'channel' | 'displayName' | 'phone' | 'username' | 'reachable'> }
  | { ok: false; reason: 'report_not_found' | 'not_allowed' | 'no_identity' };

export const REVEAL_REASON_MIN = 10;
export const REVEAL_REASON_MAX = 500;

export async function revealIdentity(
  deps: { reports: ReportStore; identities: IdentityStore; audit: AuditLog; policy: RevealPolicy },
  input: { reportId: string; actor: RevealActor; reason: string; requestId?: string },
): Promise<RevealResult> {
  const report = await deps.reports.get(input.reportId);
  if (!report) return { ok: false, reason: 'report_not_found' };
  const record = (action: string, details: Record<string, unknown>) =>
    deps.audit.record({
      actor: input.actor.username,
      actorRole: input.actor.role,
      action,
      reportId: report.id,
      details: { reason: input.reason, ...details },
      requestId: input.requestId,
    });
  const allowed = input.actor.role !== 'agent' || deps.policy === 'any_agent' || report.assignee === input.actor.username;
  if (!allowed) {
    await record('identity.reveal_refused', { assignee: report.assignee ?? null });
    return { ok: false, reason: 'not_allowed' };
  }
  const identity = await deps.identities.get(report.citizenRef);
  // Audited before anything is shown.
  await record('identity.reveal', { found: Boolean(identity) });
  if (!identity) return { ok: false, reason: 'no_identity' };
  const { channel, displayName, phone, username, reachable } = identity;
  return { ok: true, identity: { channel, displayName, phone, username, reachable } };
}
