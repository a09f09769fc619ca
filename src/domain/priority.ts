/**
 * A report's priority (0-100) and why: how serious the category is, how the citizen knows,
 * urgency words in the description, whether there is a photo, how many other citizens confirmed
 * it and how soon the latest confirmation followed the sighting before it. The weights are data
 * (config/priority.ts); the result carries each factor's contribution so the panel can explain it.
 *
 * The score is stored on the report (the queue sorts by it in MongoDB), so every factor is defined
 * to stay true once stored: nothing here depends on "now". It is computed when the report is
 * created and again at each confirmation.
 */
import { RELIABILITIES, type Reliability } from './report';

export type PriorityWeights = {
  /** Points for category severity 1..5. */
  severity: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Points for how the citizen knows (the most direct knowledge among report and confirmations). */
  reliability: Record<Reliability, number>;
  /** Points per distinct urgency term found, up to `urgencyCap`. */
  urgencyTerm: number;
  urgencyCap: number;
  /** Points when at least one photo is attached. */
  photo: number;
  /** Points per confirmation by another citizen, up to `confirmationCap`. */
  confirmation: number;
  confirmationCap: number;
  /**
   * Recency of the latest confirmation: `points` when it came within `fullWithinHours` of the
   * sighting before it (the report's creation or the previous confirmation), falling linearly to 0
   * at `noneAfterHours`. Two citizens seeing the same thing within the hour say "it is happening
   * now"; a confirmation a day later says "it is still there", already counted as a confirmation.
   */
  recency: { points: number; fullWithinHours: number; noneAfterHours: number };
};

export type PriorityInput = {
  severity: 1 | 2 | 3 | 4 | 5;
  reliability: Reliability;
  /** Canonical urgency terms found in the description(s) (see src/nlp/urgency.ts). */
  urgencyTerms: readonly string[];
  photoCount: number;
  /** Confirmations by other citizens; 0 (or absent) for a new report. */
  confirmations?: number;
  /**
   * Milliseconds from the sighting before the latest confirmation (creation or previous
   * confirmation) to the latest confirmation; absent while the report is unconfirmed.
   */
  confirmationGapMs?: number;
};

export type PriorityFactors = {
  severity: number;
  reliability: number;
  urgency: number;
  photo: number;
  confirmations: number;
  recency: number;
};

export type Priority = {
  score: number;
  /** Each factor's contribution in points; they add up to the score before clamping to 0..100. */
  factors: PriorityFactors;
};

const HOUR_MS = 3_600_000;

/** Recency points for the gap before the latest confirmation (see PriorityWeights.recency). */
export function recencyPoints(gapMs: number | undefined, weights: PriorityWeights['recency']): number {
  if (gapMs === undefined || !Number.isFinite(gapMs)) return 0;
  const full = weights.fullWithinHours * HOUR_MS;
  const none = weights.noneAfterHours * HOUR_MS;
  const gap = Math.max(0, gapMs);
  if (gap <= full) return weights.points;
  if (gap >= none) return 0;
  return Math.round((weights.points * (none - gap)) / (none - full));
}

/** The most direct knowledge among several ("seen" beats "heard" beats "unsure", by their weights). */
export function bestReliability(reliabilities: readonly Reliability[], weights: PriorityWeights): Reliability {
  const known = reliabilities.filter((r) => RELIABILITIES.includes(r));
  if (known.length === 0) return 'unsure';
  return known.reduce((best, r) => (weights.reliability[r] > weights.reliability[best] ? r : best));
}

export function computePriority(input: PriorityInput, weights: PriorityWeights): Priority {
  const confirmations = Math.max(0, input.confirmations ?? 0);
  const factors: PriorityFactors = {
    severity: weights.severity[input.severity],
    reliability: weights.reliability[input.reliability],
    urgency: Math.min(new Set(input.urgencyTerms).size * weights.urgencyTerm, weights.urgencyCap),
    photo: input.photoCount > 0 ? weights.photo : 0,
    confirmations: Math.min(confirmations * weights.confirmation, weights.confirmationCap),
    recency: confirmations > 0 ? recencyPoints(input.confirmationGapMs, weights.recency) : 0,
  };
  const total = Object.values(factors).reduce((sum, points) => sum + points, 0);
  return { score: Math.max(0, Math.min(100, total)), factors };
}
