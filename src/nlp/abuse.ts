/**
 * Insults and threats in a citizen's text (terms in config/abuse-terms.ts): the report is flagged
 * for the agent, not refused.
 */
import { INSULT_TERMS, THREAT_TERMS } from '../../config/abuse-terms';
import type { AbuseFlag } from '../domain/report';
import { createTermMatcher } from './term-matcher';

const insults = createTermMatcher(INSULT_TERMS);
const threats = createTermMatcher(THREAT_TERMS);

/** 'insult' and/or 'threat' when the text contains one; empty otherwise. */
export function abuseFlags(text: string): AbuseFlag[] {
  const flags: AbuseFlag[] = [];
  if (insults(text).length) flags.push('insult');
  if (threats(text).length) flags.push('threat');
  return flags;
}
