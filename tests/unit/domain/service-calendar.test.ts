/** The service calendar: split shifts, Italian public holidays and the patron-saint day, closures announced ahead. */
import { promptsFor } from '../../../src/texts/citizen';
import { describe, expect, it } from 'vitest';
import { easterSunday, italianPublicHolidays } from '../../../src/domain/italian-holidays';
import {
  describeHours,
  isOpen,
  nextOpening,
  serviceMillisBetween,
  upcomingClosures,
  type ServiceHours,
} from '../../../src/domain/service-hours';

const rome = (s: string) => new Date(`${s}+01:00`); // winter time
const hours: ServiceHours = {
  timeZone: 'Europe/Rome',
  days: [],
  opens: '00:00',
  closes: '00:00',
  holidays: [],
  weekly: [
    {
      days: [1, 2, 3, 4, 5],
      shifts: [
        { opens: '08:00', closes: '13:00' },
        { opens: '14:00', closes: '19:00' },
      ],
    },
    { days: [6], shifts: [{ opens: '08:00', closes: '12:00' }] },
  ],
  italianHolidays: true,
  patronDay: '07-12',
  closures: [{ from: '2026-12-10T14:00', to: '2026-12-10T19:00', note: { it: 'assemblea sindacale', en: 'union meeting' } }],
};

describe('the service calendar', () => {
  it('knows Easter and the Italian public holidays, St Francis from 2026, and the patron-saint day', () => {
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    const days = italianPublicHolidays(2026, '07-12');
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-01-06',
        '2026-04-06',
        '2026-04-25',
        '2026-06-02',
        '2026-07-12',
        '2026-10-04',
        '2026-12-08',
        '2026-12-26',
      ]),
    );
    expect(italianPublicHolidays(2025)).not.toContain('2025-10-04');
  });

  it('follows split shifts: closed at lunch, open again at 14:00', () => {
    expect(isOpen(hours, rome('2026-12-09T12:30:00'))).toBe(true);
    expect(isOpen(hours, rome('2026-12-09T13:30:00'))).toBe(false);
    expect(nextOpening(hours, rome('2026-12-09T13:30:00'))).toEqual(rome('2026-12-09T14:00:00'));
    // From 12:00 to 15:00 on a weekday: one hour before lunch and one after.
    expect(serviceMillisBetween(hours, rome('2026-12-09T12:00:00'), rome('2026-12-09T15:00:00'))).toBe(2 * 3_600_000);
    expect(describeHours(hours, promptsFor('it').serviceHours)).toBe('lun, mar, mer, gio, ven 08:00-13:00, 14:00-19:00; sab 08:00-12:00 (festivi esclusi)');
  });

  it('is closed on public holidays and the patron-saint day, and during an announced closure', () => {
    expect(isOpen(hours, rome('2026-12-08T10:00:00'))).toBe(false); // Immacolata, a Tuesday
    expect(nextOpening(hours, rome('2026-12-08T10:00:00'))).toEqual(rome('2026-12-09T08:00:00'));
    expect(isOpen(hours, new Date('2027-07-12T10:00:00+02:00'))).toBe(false); // patron saint, a Monday
    expect(isOpen(hours, rome('2026-12-10T15:00:00'))).toBe(false);
    expect(serviceMillisBetween(hours, rome('2026-12-10T08:00:00'), rome('2026-12-10T19:00:00'))).toBe(5 * 3_600_000);
    expect(upcomingClosures(hours, rome('2026-12-04T09:00:00')).map((c) => c.note?.it)).toEqual(['assemblea sindacale']);
    expect(upcomingClosures(hours, rome('2026-12-11T09:00:00'))).toEqual([]);
  });
});
