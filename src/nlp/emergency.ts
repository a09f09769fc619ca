/**
 * Does a message suggest someone is in danger right now? The dialog then tells the citizen to
 * call 112 first. Terms are data in config/emergency-terms.ts.
 */
import { EMERGENCY_TERMS } from '../../config/emergency-terms';
import { createTermMatcher, type TermMatcherConfig } from './term-matcher';

export type EmergencyDetection = { emergency: boolean; terms: string[] };

export function createEmergencyDetector(config: TermMatcherConfig = EMERGENCY_TERMS): (text: string) => EmergencyDetection {
  const findTerms = createTermMatcher(config);
  return (text) => {
    const terms = findTerms(text);
    return { emergency: terms.length > 0, terms };
  };
}

const defaultDetector = createEmergencyDetector();

export function detectEmergency(text: string): EmergencyDetection {
  return defaultDetector(text);
}
