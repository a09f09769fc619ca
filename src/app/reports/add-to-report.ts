/**
 * A citizen adds photos or words to their report after sending it («aggiungi», or a photo or text
 * confirmed with "Aggiungere a VIC-…?"): attached as the citizen's details (police only, like the
 * first photo), audited, and only while the report is open. Keyed by the message: a retried turn
 * finds its addition already there and adds nothing twice.
 */
import { isOpenStatus } from '../../domain/report';
import type { AuditLog, CitizenInfo, ReportStore, ReportView } from '../../domain/ports';

export type AddToReportResult =
  | { ok: true; report: ReportView; photos: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'closed' | 'photo_limit'; report: ReportView };

export async function addToReport(
  deps: { reports: Pick<ReportStore, 'get' | 'addCitizenInfo'>; audit: Pick<AuditLog, 'record'> },
  reportId: string,
  info: CitizenInfo,
  /** Photos the report may hold in all (config REPORT_MAX_PHOTOS). */
  maxPhotos: number,
): Promise<AddToReportResult> {
  const report = await deps.reports.get(reportId);
  if (!report) return { ok: false, reason: 'not_found' };
  if (report.citizenInfo.some((i) => i.messageId === info.messageId)) return { ok: true, report, photos: report.photoRefs.length };
  if (!isOpenStatus(report.status)) return { ok: false, reason: 'closed', report };
  if (info.mediaRef && report.photoRefs.length >= maxPhotos) return { ok: false, reason: 'photo_limit', report };
  await deps.reports.addCitizenInfo(report.id, info);
  await deps.audit.record({
    actor: 'citizen',
    action: 'citizen.add',
    reportId: report.id,
    details: { messageId: info.messageId, ...(info.mediaRef ? { photo: true } : {}), ...(info.text ? { text: true } : {}) },
  });
  return { ok: true, report, photos: report.photoRefs.length + (info.mediaRef ? 1 : 0) };
}
