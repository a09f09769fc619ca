/**
 * Urgency terms found in a report's description ("adesso", "bambini", "di notte"), which the
 * priority rules weigh. Terms are data in config/urgency-terms.ts.
 */
import { URGENCY_TERMS } from '../../config/urgency-terms';
import { createTermMatcher, type TermMatcherConfig } from './term-matcher';

export function createUrgencyMatcher(config: TermMatcherConfig = URGENCY_TERMS): (text: string) => string[] {
  return createTermMatcher(config);
}

const defaultMatcher = createUrgencyMatcher();

/** Canonical urgency terms found in the text, in order of appearance, each once. */
export function urgencyTerms(text: string): string[] {
  return defaultMatcher(text);
}
