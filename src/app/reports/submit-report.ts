/**
 * Submitting a report the citizen confirmed in the dialog: its initial priority (category
 * severity, how the citizen knows, urgency words, photos) and one report per confirming message
 * (createOnce keyed by channel:messageId, so a retried turn returns the same report).
 */
import { abuseFlags } from '../../nlp/abuse';
import { categoryById } from '../../../config/categories';
import { PRIORITY_WEIGHTS } from '../../../config/priority';
import type { Channel, GeoPoint } from '../../domain/message';
import type { ReportStore, ReportView } from '../../domain/ports';
import { computePriority } from '../../domain/priority';
import type { ObservedWhen } from '../../domain/observed-when';
import type { Reliability } from '../../domain/report';
import { urgencyTerms } from '../../nlp/urgency';

export type ReportSubmission = {
  categoryId: string;
  reliability: Reliability;
  location: { point: GeoPoint; address?: string; zone?: string; zipcode?: string };
  description: string;
  photoRefs: string[];
  channel: Channel;
  citizenRef: string;
  language: 'it' | 'en';
  /** The confirming message (channel:messageId): the report's idempotency key. */
  sourceMessageKey: string;
  /** When the citizen says it was observed, read from their words (src/nlp/time-words.ts). */
  observedWhen?: ObservedWhen;
};

export type SubmitResult = { ok: true; report: ReportView; created: boolean } | { ok: false; reason: 'unknown_category' };

export async function submitReport(deps: { reports: Pick<ReportStore, 'createOnce'> }, input: ReportSubmission): Promise<SubmitResult> {
  const category = categoryById(input.categoryId);
  if (!category) return { ok: false, reason: 'unknown_category' };
  const priority = computePriority(
    {
      severity: category.severity,
      reliability: input.reliability,
      urgencyTerms: urgencyTerms(input.description),
      photoCount: input.photoRefs.length,
    },
    PRIORITY_WEIGHTS,
  );
  const { location } = input;
  const { report, created } = await deps.reports.createOnce({
    categoryId: category.id,
    reliability: input.reliability,
    point: location.point,
    ...(location.address ? { address: location.address } : {}),
    ...(location.zone ? { zone: location.zone } : {}),
    ...(location.zipcode ? { zipcode: location.zipcode } : {}),
    description: input.description,
    photoRefs: input.photoRefs,
    channel: input.channel,
    citizenRef: input.citizenRef,
    language: input.language,
    priority: priority.score,
    priorityFactors: priority.factors,
    sourceMessageKey: input.sourceMessageKey,
    abuseFlags: abuseFlags(input.description),
    ...(input.observedWhen ? { observedWhen: input.observedWhen } : {}),
  });
  return { ok: true, report, created };
}
