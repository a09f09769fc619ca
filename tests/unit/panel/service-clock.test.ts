import { describe, expect, it } from 'vitest';
import { serviceMillisBetween, type ServiceHours } from '../../../src/domain/service-hours';
import { serviceClock } from '../../../src/panel/service-clock';

const HOURS: ServiceHours = {
  timeZone: 'Europe/Rome',
  days: [1, 2, 3, 4, 5, 6],
  opens: '08:00',
  closes: '19:00',
  holidays: ['2026-12-25', '2027-01-01'],
};

describe('serviceClock', () => {
  it('gives the same service time as the domain arithmetic, across days, DST changes and holidays', () => {
    const clock = serviceClock(HOURS);
    // A fixed pseudo-random walk over 2026-2027 (covers both DST changes and the holidays).
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = Date.parse('2026-01-01T00:00:00Z');
    const span = 700 * 86_400_000;
    for (let i = 0; i < 300; i++) {
      const a = new Date(start + rand() * span);
      const b = new Date(a.getTime() + rand() * (i % 3 === 0 ? 3 * 86_400_000 : 120 * 86_400_000));
      expect(clock.serviceMillis(a, b)).toBe(serviceMillisBetween(HOURS, a, b));
    }
  });

  it('gives the same answers when instants come back (as a queue page asks for "now" on every row), same day or not, with split shifts', () => {
    const split: ServiceHours = {
      ...HOURS,
      weekly: [
        {
          days: [1, 2, 3, 4, 5],
          shifts: [
            { opens: '08:00', closes: '13:00' },
            { opens: '14:30', closes: '19:00' },
          ],
        },
        { days: [6], shifts: [{ opens: '08:00', closes: '12:00' }] },
      ],
    };
    for (const hours of [HOURS, split]) {
      const clock = serviceClock(hours);
      const base = Date.parse('2026-03-27T05:00:00Z'); // the weekend of the spring DST change
      const instants = Array.from({ length: 30 }, (_, i) => new Date(base + ((i * 7919) % 97) * 3_600_000 + i * 60_000));
      for (const a of instants)
        for (const b of instants)
          expect(clock.serviceMillis(a, b), `${a.toISOString()} -> ${b.toISOString()}`).toBe(serviceMillisBetween(hours, a, b));
    }
  });

  it('counts only open hours: one working day is 11 hours, a Sunday none', () => {
    const clock = serviceClock(HOURS);
    expect(clock.serviceMillis(new Date('2026-11-16T00:00:00+01:00'), new Date('2026-11-17T00:00:00+01:00'))).toBe(11 * 3600_000);
    expect(clock.serviceMillis(new Date('2026-11-22T00:00:00+01:00'), new Date('2026-11-23T00:00:00+01:00'))).toBe(0);
    expect(clock.serviceMillis(new Date('2026-11-17T00:00:00+01:00'), new Date('2026-11-16T00:00:00+01:00'))).toBe(0);
  });
});
