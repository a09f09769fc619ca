/**
 * A citizen's answer to an agent's question: attached to the report waiting for it (keyed by the
 * message, so a retry does not attach it twice), which goes back to review through the audited
 * transition with the citizen as actor. A retried turn finds the move already made: `moved: false`.
 */
import type { CitizenInfo, ReportStore, ReportView } from '../../domain/ports';

export async function answerAgentQuestion(
  deps: { reports: Pick<ReportStore, 'addCitizenInfo' | 'applyTransition'> },
  report: ReportView,
  info: CitizenInfo,
): Promise<{ moved: boolean }> {
  await deps.reports.addCitizenInfo(report.id, info);
  const moved = await deps.reports.applyTransition({
    id: report.id,
    action: 'info_received',
    actor: 'citizen',
    details: { messageId: info.messageId, ...(info.mediaRef ? { photo: true } : {}) },
  });
  // Already moved on a retried turn: "not allowed" from in_review is the expected answer then.
  if (!moved.ok && moved.reason !== 'not_allowed') throw new Error(`report ${report.id} could not go back to review: ${moved.message}`);
  return { moved: moved.ok };
}
