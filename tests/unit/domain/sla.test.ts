import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_RULES, slaState, slaTargetMinutes } from '../../../src/domain/sla';

describe('service-level targets', () => {
  it('take the category rule first, then the highest priority threshold the report reaches', () => {
    const rules = [...DEFAULT_SLA_RULES, { categoryId: 'drug_dealing', firstActionMinutes: 15 }];
    expect(slaTargetMinutes(rules, { categoryId: 'noise', priority: 85 })).toBe(30);
    expect(slaTargetMinutes(rules, { categoryId: 'noise', priority: 70 })).toBe(30);
    expect(slaTargetMinutes(rules, { categoryId: 'noise', priority: 69 })).toBe(120);
    expect(slaTargetMinutes(rules, { categoryId: 'noise', priority: 5 })).toBe(480);
    expect(slaTargetMinutes(rules, { categoryId: 'drug_dealing', priority: 5 })).toBe(15);
    expect(slaTargetMinutes([{ minPriority: 50, firstActionMinutes: 10 }], { categoryId: 'noise', priority: 20 })).toBeUndefined();
  });

  it('count down in service time and turn to breached once past', () => {
    expect(slaState(30, 10 * 60_000, false)).toEqual({ targetMinutes: 30, remainingMs: 20 * 60_000, breached: false, stopped: false });
    expect(slaState(30, 45 * 60_000, true)).toEqual({ targetMinutes: 30, remainingMs: -15 * 60_000, breached: true, stopped: true });
    expect(slaState(undefined, 0, false)).toBeUndefined();
  });
});
