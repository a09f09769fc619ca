/**
 * An agent blocks the citizen behind a report (or lifts the block early), with a reason and an expiry (audited on the report).
 * While blocked, receive-message stores none of their messages, only counts them, and sends one
 * notice (src/app/intake/receive-message.ts).
 */
import type { AuditLog, CitizenBlockStore, ReportStore } from '../../domain/ports';

export const BLOCK_MAX_DAYS = 365;

export type BlockCitizenResult = { ok: true; until: Date } | { ok: false; reason: 'not_found' | 'erased' };

export async function blockCitizen(
  deps: { reports: Pick<ReportStore, 'get'>; blocks: CitizenBlockStore; audit: Pick<AuditLog, 'record'> },
  input: { reportId: string; reason: string; days: number; actor: { username: string; role: string }; now: Date; requestId?: string },
): Promise<BlockCitizenResult> {
  const report = await deps.reports.get(input.reportId);
  if (!report) return { ok: false, reason: 'not_found' };
  // An erased citizen's report carries a random pseudonym: there is nobody to block.
  if (report.citizenRef.startsWith('erased-')) return { ok: false, reason: 'erased' };
  const until = new Date(input.now.getTime() + input.days * 24 * 60 * 60_000);
  await deps.blocks.block({ citizenRef: report.citizenRef, reason: input.reason, until, by: input.actor.username, at: input.now });
  await deps.audit.record({
    actor: input.actor.username,
    actorRole: input.actor.role,
    action: 'citizen.block',
    reason: input.reason,
    reportId: report.id,
    details: { until: until.toISOString(), days: input.days },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { ok: true, until };
}

export type UnblockCitizenResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_blocked' };

/** Lifts the block of the citizen behind a report before it expires, with a reason (audited on the report). */
export async function unblockCitizen(
  deps: { reports: Pick<ReportStore, 'get'>; blocks: CitizenBlockStore; audit: Pick<AuditLog, 'record'> },
  input: { reportId: string; reason: string; actor: { username: string; role: string }; now: Date; requestId?: string },
): Promise<UnblockCitizenResult> {
  const report = await deps.reports.get(input.reportId);
  if (!report) return { ok: false, reason: 'not_found' };
  if (!(await deps.blocks.unblock(report.citizenRef, input.now))) return { ok: false, reason: 'not_blocked' };
  await deps.audit.record({
    actor: input.actor.username,
    actorRole: input.actor.role,
    action: 'citizen.unblock',
    reason: input.reason,
    reportId: report.id,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { ok: true };
}

/** Whether the citizen behind a report is blocked now (until when, why), for the panel. */
export async function citizenBlockOf(
  deps: { reports: Pick<ReportStore, 'get'>; blocks: CitizenBlockStore },
  reportId: string,
  now: Date,
): Promise<{ ok: true; block: { until: Date; reason: string; blockedMessages: number } | null } | { ok: false; reason: 'not_found' }> {
  const report = await deps.reports.get(reportId);
  if (!report) return { ok: false, reason: 'not_found' };
  const block = await deps.blocks.active(report.citizenRef, now);
  return { ok: true, block: block ? { until: block.until, reason: block.reason, blockedMessages: block.blockedMessages } : null };
}
