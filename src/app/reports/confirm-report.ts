/**
 * "Sì, è la stessa situazione": a citizen's answers become a confirmation of another citizen's open
 * report (idempotent per message), they follow it from now on, and its priority is recomputed
 * from the report and all its confirmations. The panel's merge of duplicates uses the same rescore.
 */
import { categoryById } from '../../../config/categories';
import { PRIORITY_WEIGHTS } from '../../../config/priority';
import type { AddConfirmationResult, ConfirmationStore, ConfirmedReportView, NewConfirmation, PriorityScore } from '../../domain/ports';
import { bestReliability, computePriority } from '../../domain/priority';
import { urgencyTerms } from '../../nlp/urgency';

const time = (d: Date | string) => new Date(d).getTime();

/**
 * The priority of a confirmed report: its category's severity; the most direct knowledge among the
 * report and its confirmations; the urgency terms of every description; its photos (the
 * confirmers' included); the counted confirmations; and how soon the latest one followed the
 * sighting before it (the report's creation or the previous counted confirmation).
 */
export function rescoreConfirmed(report: ConfirmedReportView): PriorityScore {
  const counted = report.confirmationsList.filter((c) => c.counted);
  const sightings = [time(report.createdAt), ...counted.map((c) => time(c.at))].sort((a, b) => a - b);
  const gap = sightings.length > 1 ? sightings[sightings.length - 1] - sightings[sightings.length - 2] : undefined;
  return computePriority(
    {
      severity: categoryById(report.categoryId)?.severity ?? 1,
      reliability: bestReliability([report.reliability, ...report.confirmationsList.map((c) => c.reliability)], PRIORITY_WEIGHTS),
      urgencyTerms: [report.description, ...report.confirmationsList.map((c) => c.description)].flatMap((text) => urgencyTerms(text)),
      photoCount: report.photoRefs.length,
      confirmations: report.confirmations,
      ...(gap !== undefined ? { confirmationGapMs: gap } : {}),
    },
    PRIORITY_WEIGHTS,
  );
}

/** Adds the confirmation and rescores; `not_open` when the report was closed meanwhile (the dialog then submits a new one). */
export function confirmReport(
  deps: { confirmations: Pick<ConfirmationStore, 'addConfirmation'> },
  reportId: string,
  confirmation: NewConfirmation,
): Promise<AddConfirmationResult> {
  return deps.confirmations.addConfirmation(reportId, confirmation, rescoreConfirmed);
}
