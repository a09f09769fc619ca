/** Initial priority of a report (src/domain/priority.ts): weights as data, factors explained. */
import { describe, expect, it } from 'vitest';
import { computePriority, DEFAULT_PRIORITY_WEIGHTS } from '../../../src/domain/priority';

describe('computePriority', () => {
  it('adds severity, reliability, urgency and photo, and reports each factor', () => {
    expect(computePriority({ severity: 4, reliability: 'seen', urgencyTerms: ['adesso'], photoCount: 1 })).toEqual({
      score: 55 + 10 + 8 + 4,
      factors: { severity: 55, reliability: 10, urgency: 8, photo: 4 },
    });
  });

  it('ranks a serious category seen now above a minor one heard about', () => {
    const urgent = computePriority({ severity: 4, reliability: 'seen', urgencyTerms: ['adesso'], photoCount: 0 });
    const minor = computePriority({ severity: 2, reliability: 'heard', urgencyTerms: [], photoCount: 1 });
    expect(urgent.score).toBeGreaterThan(minor.score);
  });

  it('caps urgency, counts a repeated term once, and lowers unsure reports', () => {
    const many = computePriority({
      severity: 1,
      reliability: 'unsure',
      urgencyTerms: ['adesso', 'adesso', 'bambini', 'di notte'],
      photoCount: 0,
    });
    expect(many.factors).toEqual({ severity: 10, reliability: -5, urgency: 16, photo: 0 });
    expect(many.score).toBe(21);
  });

  it('stays within 0..100 whatever the weights', () => {
    const heavy = { ...DEFAULT_PRIORITY_WEIGHTS, severity: { ...DEFAULT_PRIORITY_WEIGHTS.severity, 5: 120 } };
    expect(computePriority({ severity: 5, reliability: 'seen', urgencyTerms: [], photoCount: 0 }, heavy).score).toBe(100);
    const light = { ...DEFAULT_PRIORITY_WEIGHTS, reliability: { ...DEFAULT_PRIORITY_WEIGHTS.reliability, unsure: -50 } };
    expect(computePriority({ severity: 1, reliability: 'unsure', urgencyTerms: [], photoCount: 0 }, light).score).toBe(0);
  });
});
