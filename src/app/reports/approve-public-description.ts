/**
 * An agent approves the description the public Open311 API may show for a report: their own
 * copy (typically the citizen's text with names, plates and house numbers taken out), never the
 * citizen's words as such. An empty text withdraws it. Audited; the public id is returned so the
 * agent can check the published record.
 */
import type { AuditLog } from '../../domain/ports';
import type { PublicReportStore } from '../../domain/public-reports';

export const PUBLIC_DESCRIPTION_MAX_CHARS = 1000;

export type ApprovePublicDescription = {
  reportId: string;
  text: string;
  actor: { username: string; role: string };
  requestId?: string;
  now: Date;
};

export type ApprovePublicDescriptionResult =
  | { ok: true; publicId: string; publicDescription: { text: string; approvedBy: string; approvedAt: Date } | null }
  | { ok: false; reason: 'not_found' };

export async function approvePublicDescription(
  deps: { publicReports: PublicReportStore; audit: AuditLog },
  input: ApprovePublicDescription,
): Promise<ApprovePublicDescriptionResult> {
  const text = input.text.trim();
  const value = text ? { text, approvedBy: input.actor.username, approvedAt: input.now } : null;
  if (!(await deps.publicReports.setPublicDescription(input.reportId, value))) return { ok: false, reason: 'not_found' };
  const publicId = await deps.publicReports.publicIdOf(input.reportId);
  if (!publicId) return { ok: false, reason: 'not_found' };
  await deps.audit.record({
    actor: input.actor.username,
    actorRole: input.actor.role,
    action: value ? 'report.public_description.approve' : 'report.public_description.withdraw',
    reportId: input.reportId,
    details: value ? { chars: text.length } : undefined,
    requestId: input.requestId,
  });
  return { ok: true, publicId, publicDescription: value };
}
