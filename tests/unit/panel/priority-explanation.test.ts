import { describe, expect, it } from 'vitest';
import { PRIORITY_WEIGHTS } from '../../../config/priority';
import { categoryById } from '../../../config/categories';
import { computePriority } from '../../../src/domain/priority';
import { explainPriority } from '../../../src/panel/priority-explanation';

describe('why this priority', () => {
  const severity = categoryById('vandalism')!.severity;
  const computed = computePriority(
    { severity, reliability: 'seen', urgencyTerms: ['adesso'], photoCount: 1, confirmations: 2, confirmationGapMs: 30 * 60_000 },
    PRIORITY_WEIGHTS,
  );
  const report = { priority: computed.score, priorityFactors: computed.factors, categoryId: 'vandalism' };

  it('lists every stored factor with its points, in a fixed order, adding up to the score', () => {
    const why = explainPriority(report, PRIORITY_WEIGHTS, 'it')!;
    expect(why.factors.map((f) => f.factor)).toEqual(['severity', 'reliability', 'urgency', 'photo', 'confirmations', 'recency']);
    expect(why.factors.map((f) => f.points)).toEqual([
      PRIORITY_WEIGHTS.severity[severity],
      PRIORITY_WEIGHTS.reliability.seen,
      PRIORITY_WEIGHTS.urgencyTerm,
      PRIORITY_WEIGHTS.photo,
      2 * PRIORITY_WEIGHTS.confirmation,
      PRIORITY_WEIGHTS.recency.points,
    ]);
    expect(why.total).toBe(computed.score);
    expect(why.score).toBe(computed.score);
  });

  it('explains each factor with the weights of config/priority.ts, in Italian and English', () => {
    const it_ = explainPriority(report, PRIORITY_WEIGHTS, 'it')!;
    const en = explainPriority(report, PRIORITY_WEIGHTS, 'en')!;
    const conf = it_.factors.find((f) => f.factor === 'confirmations')!;
    expect(conf.label).toBe('Conferme di altri cittadini');
    expect(conf.rule).toContain(`+${PRIORITY_WEIGHTS.confirmation}`);
    expect(conf.rule).toContain(String(PRIORITY_WEIGHTS.confirmationCap));
    expect(it_.factors[0].rule).toContain(`Gravità ${severity} su 5`);
    expect(en.factors[0].label).toBe('Category severity');
    expect(en.factors.every((f) => f.rule.length > 0)).toBe(true);
  });

  it('shows an unknown factor by its code and nothing for a report without factors', () => {
    const why = explainPriority({ ...report, priorityFactors: { severity: 40, weather: 3 } }, PRIORITY_WEIGHTS, 'en')!;
    expect(why.factors.at(-1)).toEqual({ factor: 'weather', points: 3, label: 'weather', rule: '' });
    expect(explainPriority({ ...report, priorityFactors: undefined }, PRIORITY_WEIGHTS, 'it')).toBeUndefined();
  });
});
