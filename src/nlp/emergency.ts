/**
 * Does a message suggest someone is in danger right now? The dialog then tells the citizen to
 * call 112 first. Terms are data in config/emergency-terms.ts.
 */
import { EMERGENCY_TERMS, EMERGENCY_THREAT_NOW } from '../../config/emergency-terms';
import { createTermMatcher, type TermMatcherConfig } from './term-matcher';

export type EmergencyDetection = { emergency: boolean; terms: string[] };

export function createEmergencyDetector(
  config: TermMatcherConfig = EMERGENCY_TERMS,
  threatNow: { threats: TermMatcherConfig; now: TermMatcherConfig } = EMERGENCY_THREAT_NOW,
): (text: string) => EmergencyDetection {
  const findTerms = createTermMatcher(config);
  const findThreats = createTermMatcher(threatNow.threats);
  const findNow = createTermMatcher(threatNow.now);
  return (text) => {
    const terms = findTerms(text);
    if (terms.length > 0) return { emergency: true, terms };
    // A threat is an emergency only with "now", fear or a cry for help beside it.
    const threats = findThreats(text);
    const now = threats.length > 0 ? findNow(text) : [];
    return now.length > 0 ? { emergency: true, terms: [...threats, ...now] } : { emergency: false, terms: [] };
  };
}

const defaultDetector = createEmergencyDetector();

export function detectEmergency(text: string): EmergencyDetection {
  return defaultDetector(text);
}
