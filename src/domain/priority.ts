/**
 * A report's initial priority (0-100) from what the citizen told us: how serious the category is,
 * how the citizen knows, urgency words in the description and whether there is a photo. The
 * weights are data; the result carries each factor's contribution so the panel can explain it.
 */
import type { Reliability } from './report';

export type PriorityWeights = {
  /** Points for category severity 1..5. */
  severity: Record<1 | 2 | 3 | 4 | 5, number>;
  reliability: Record<Reliability, number>;
  /** Points per distinct urgency term found, up to `urgencyCap`. */
  urgencyTerm: number;
  urgencyCap: number;
  /** Points when at least one photo is attached. */
  photo: number;
};

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  severity: { 1: 10, 2: 25, 3: 40, 4: 55, 5: 70 },
  reliability: { seen: 10, heard: 0, unsure: -5 },
  urgencyTerm: 8,
  urgencyCap: 16,
  photo: 4,
};

export type PriorityInput = {
  severity: 1 | 2 | 3 | 4 | 5;
  reliability: Reliability;
  /** Canonical urgency terms found in the description (see src/nlp/urgency.ts). */
  urgencyTerms: readonly string[];
  photoCount: number;
};

export type Priority = {
  score: number;
  /** Each factor's contribution in points; they add up to the score before clamping. */
  factors: { severity: number; reliability: number; urgency: number; photo: number };
};

export function computePriority(input: PriorityInput, weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): Priority {
  const factors = {
    severity: weights.severity[input.severity],
    reliability: weights.reliability[input.reliability],
    urgency: Math.min(new Set(input.urgencyTerms).size * weights.urgencyTerm, weights.urgencyCap),
    photo: input.photoCount > 0 ? weights.photo : 0,
  };
  const total = factors.severity + factors.reliability + factors.urgency + factors.photo;
  return { score: Math.max(0, Math.min(100, total)), factors };
}
