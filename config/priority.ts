/**
 * The weights of a report's priority (0-100), as data: see src/domain/priority.ts for what each
 * factor means. The panel shows every factor's points, so a change here is visible and explained.
 * Scores are stored: a change applies to reports created or confirmed after it.
 */
import type { PriorityWeights } from '../src/domain/priority';

export const PRIORITY_WEIGHTS: PriorityWeights = {
  /** The category's severity (config/categories.ts) is the base of the score. */
  severity: { 1: 10, 2: 25, 3: 40, 4: 55, 5: 70 },
  /** Seen directly counts most; "not sure" lowers the score a little. */
  reliability: { seen: 10, heard: 0, unsure: -5 },
  /** Urgency words ("adesso", "bambini", "armato"...; config/urgency-terms.ts): per distinct term, capped. */
  urgencyTerm: 8,
  urgencyCap: 16,
  photo: 4,
  /** Per citizen confirming "it is the same situation", capped at 4 confirmations. */
  confirmation: 6,
  confirmationCap: 24,
  /** Full points when the latest confirmation came within 1 h of the sighting before it, none after 24 h. */
  recency: { points: 8, fullWithinHours: 1, noneAfterHours: 24 },
};
