/**
 * An agent blocks the citizen behind a report, with a reason and an expiry (audited on the report).
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
