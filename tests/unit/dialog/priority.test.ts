/** A report's priority (src/domain/priority.ts): weights as data (config/priority.ts), every factor explained. */
import { describe, expect, it } from 'vitest';
import { PRIORITY_WEIGHTS } from '../../../config/priority';
import { bestReliability, computePriority, recencyPoints, type PriorityInput } from '../../../src/domain/priority';

const HOUR = 3_600_000;
const W = PRIORITY_WEIGHTS;
const base: PriorityInput = { severity: 2, reliability: 'heard', urgencyTerms: [], photoCount: 0 };
const priority = (over: Partial<PriorityInput> = {}) => computePriority({ ...base, ...over }, W);

describe('computePriority', () => {
  it('adds severity, reliability, urgency and photo, and reports every factor (new factors at 0)', () => {
    expect(computePriority({ severity: 4, reliability: 'seen', urgencyTerms: ['adesso'], photoCount: 1 }, W)).toEqual({
      score: 55 + 10 + 8 + 4,
      factors: { severity: 55, reliability: 10, urgency: 8, photo: 4, confirmations: 0, recency: 0 },
    });
  });

  it('ranks a serious category seen now above a minor one heard about', () => {
    const urgent = computePriority({ severity: 4, reliability: 'seen', urgencyTerms: ['adesso'], photoCount: 0 }, W);
    const minor = computePriority({ severity: 2, reliability: 'heard', urgencyTerms: [], photoCount: 1 }, W);
    expect(urgent.score).toBeGreaterThan(minor.score);
  });

  it('caps urgency, counts a repeated term once, and lowers unsure reports', () => {
    const many = computePriority(
      { severity: 1, reliability: 'unsure', urgencyTerms: ['adesso', 'adesso', 'bambini', 'di notte'], photoCount: 0 },
      W,
    );
    expect(many.factors).toEqual({ severity: 10, reliability: -5, urgency: 16, photo: 0, confirmations: 0, recency: 0 });
    expect(many.score).toBe(21);
  });

  it('stays within 0..100 whatever the weights', () => {
    const heavy = { ...W, severity: { ...W.severity, 5: 120 } };
    expect(computePriority({ severity: 5, reliability: 'seen', urgencyTerms: [], photoCount: 0 }, heavy).score).toBe(100);
    const light = { ...W, reliability: { ...W.reliability, unsure: -50 } };
    expect(computePriority({ severity: 1, reliability: 'unsure', urgencyTerms: [], photoCount: 0 }, light).score).toBe(0);
  });

  it('the score is the sum of the factors it reports', () => {
    const p = priority({
      severity: 3,
      reliability: 'seen',
      urgencyTerms: ['adesso'],
      photoCount: 2,
      confirmations: 2,
      confirmationGapMs: 2 * HOUR,
    });
    expect(p.score).toBe(Object.values(p.factors).reduce((a, b) => a + b, 0));
  });
});

describe('factor: severity', () => {
  it.each([1, 2, 3, 4, 5] as const)('severity %i gives its configured points', (severity) => {
    expect(priority({ severity }).factors.severity).toBe(W.severity[severity]);
  });
});

describe('factor: reliability', () => {
  it('seen > heard > unsure', () => {
    const points = (['seen', 'heard', 'unsure'] as const).map((reliability) => priority({ reliability }).factors.reliability);
    expect(points).toEqual([10, 0, -5]);
  });

  it('the most direct knowledge wins among a report and its confirmations', () => {
    expect(bestReliability(['heard', 'seen', 'unsure'], W)).toBe('seen');
    expect(bestReliability(['unsure', 'heard'], W)).toBe('heard');
    expect(bestReliability(['unsure'], W)).toBe('unsure');
  });
});

describe('factor: urgency', () => {
  it('gives points per distinct term up to the cap', () => {
    expect(priority({ urgencyTerms: [] }).factors.urgency).toBe(0);
    expect(priority({ urgencyTerms: ['adesso'] }).factors.urgency).toBe(8);
    expect(priority({ urgencyTerms: ['adesso', 'bambini', 'armato'] }).factors.urgency).toBe(16);
  });
});

describe('factor: photo', () => {
  it('gives points once, whatever the number of photos', () => {
    expect(priority({ photoCount: 0 }).factors.photo).toBe(0);
    expect(priority({ photoCount: 1 }).factors.photo).toBe(4);
    expect(priority({ photoCount: 3 }).factors.photo).toBe(4);
  });
});

describe('factor: confirmations', () => {
  it('gives points per confirmation by another citizen, capped', () => {
    const points = [0, 1, 2, 4, 5, 20].map(
      (confirmations) => priority({ confirmations, confirmationGapMs: 30 * HOUR }).factors.confirmations,
    );
    expect(points).toEqual([0, 6, 12, 24, 24, 24]);
  });

  it('raises a confirmed report above the same report unconfirmed', () => {
    expect(priority({ confirmations: 1, confirmationGapMs: 30 * HOUR }).score).toBeGreaterThan(priority().score);
  });
});

describe('factor: recency', () => {
  const r = W.recency;

  it('is full when the latest confirmation came within the hour, none after a day, linear between', () => {
    expect(recencyPoints(0, r)).toBe(8);
    expect(recencyPoints(HOUR, r)).toBe(8);
    expect(recencyPoints(12.5 * HOUR, r)).toBe(4);
    expect(recencyPoints(24 * HOUR, r)).toBe(0);
    expect(recencyPoints(48 * HOUR, r)).toBe(0);
  });

  it('decreases as the gap grows', () => {
    const points = [1, 4, 8, 16, 23].map((h) => recencyPoints(h * HOUR, r));
    expect([...points].sort((a, b) => b - a)).toEqual(points);
    expect(points[0]).toBeGreaterThan(points[4]);
  });

  it('is 0 for an unconfirmed report, whatever the gap says', () => {
    expect(priority({ confirmations: 0, confirmationGapMs: 0 }).factors.recency).toBe(0);
    expect(priority({ confirmations: 1 }).factors.recency).toBe(0);
  });

  it('is added to a confirmed report', () => {
    expect(priority({ confirmations: 1, confirmationGapMs: 10 * 60_000 }).factors.recency).toBe(8);
  });
});

describe('the configured weights', () => {
  it('are consistent: caps reachable, recency window ordered, severity increasing', () => {
    expect(W.urgencyCap).toBeGreaterThanOrEqual(W.urgencyTerm);
    expect(W.confirmationCap).toBeGreaterThanOrEqual(W.confirmation);
    expect(W.recency.noneAfterHours).toBeGreaterThan(W.recency.fullWithinHours);
    const severities = [1, 2, 3, 4, 5].map((s) => W.severity[s as 1]);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
  });
});
