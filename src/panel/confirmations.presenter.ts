/**
 * What the panel shows of a report's confirmations: when, how the citizen knows, what they wrote and
 * their photos. Never who: no citizenRef, chatId or channel of a confirming citizen leaves here.
 */
import type { Confirmation, ReportView } from '../domain/ports';
import { mergedMessageId } from '../domain/report-merge';
import { photoUrl } from './report.presenter';

export type ConfirmationItem = {
  at: Date;
  reliability: Confirmation['reliability'];
  description: string;
  photoUrls: string[];
  /** Set when the entry is a duplicate report merged into this one: its ticket code. */
  mergedFrom?: string;
};

const MERGED_PREFIX = mergedMessageId('');

export function presentConfirmations(
  report: Pick<ReportView, 'id' | 'photoRefs'>,
  confirmations: readonly Confirmation[],
): ConfirmationItem[] {
  // Only photos the report serves (GET /api/reports/:id/photos/:ref checks photoRefs).
  const served = new Set(report.photoRefs);
  return [...confirmations]
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((c) => ({
      at: c.at,
      reliability: c.reliability,
      description: c.description,
      photoUrls: c.photoRefs.filter((ref) => served.has(ref)).map((ref) => photoUrl(report.id, ref)),
      ...(c.messageId.startsWith(MERGED_PREFIX) ? { mergedFrom: c.messageId.slice(MERGED_PREFIX.length) } : {}),
    }));
}
