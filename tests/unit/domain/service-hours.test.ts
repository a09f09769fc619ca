import { describe, expect, it } from 'vitest';
import { promptsFor } from '../../../src/texts/citizen';
import { describeHours, isOpen, nextOpening, serviceMillisBetween, type ServiceHours } from '../../../src/domain/service-hours';

const daily: ServiceHours = { timeZone: 'Europe/Rome', days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '19:00', holidays: ['2026-12-25'] };
const H = 3600_000;

describe('service hours (Europe/Rome)', () => {
  it('is open at 10:00 Rome time and closed at 20:00', () => {
    expect(isOpen(daily, new Date('2026-11-23T09:00:00Z'))).toBe(true); // 10:00 CET
    expect(isOpen(daily, new Date('2026-11-23T19:00:00Z'))).toBe(false); // 20:00 CET
    expect(isOpen(daily, new Date('2026-07-01T06:30:00Z'))).toBe(true); // 08:30 CEST
  });

  it('is closed on a holiday and opens the next morning', () => {
    expect(isOpen(daily, new Date('2026-12-25T10:00:00Z'))).toBe(false);
    expect(nextOpening(daily, new Date('2026-12-25T10:00:00Z'))?.toISOString()).toBe('2026-12-26T07:00:00.000Z');
  });

  it('next opening after closing time is 08:00 the next day, across the DST change', () => {
    // Saturday 24 Oct 2026 20:00 CEST -> Sunday 25 Oct 08:00 CET (clocks went back overnight).
    expect(nextOpening(daily, new Date('2026-10-24T18:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('counts only open time between two instants', () => {
    // 18:00 -> next day 09:00 (CET): 1 h before closing + 1 h after opening.
    expect(serviceMillisBetween(daily, new Date('2026-11-23T17:00:00Z'), new Date('2026-11-24T08:00:00Z'))).toBe(2 * H);
    expect(serviceMillisBetween(daily, new Date('2026-11-23T20:00:00Z'), new Date('2026-11-24T06:00:00Z'))).toBe(0);
  });

  it('describes the hours for citizens in both languages', () => {
    expect(describeHours(daily, promptsFor('it').serviceHours)).toBe('tutti i giorni 08:00-19:00');
    expect(describeHours({ ...daily, days: [1, 2, 3, 4, 5] }, promptsFor('en').serviceHours)).toBe('Mon, Tue, Wed, Thu, Fri 08:00-19:00');
  });
});
