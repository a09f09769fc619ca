import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatDateTime } from '../../../src/panel/web/src/lib/format';
import { todayLocal } from '../../../src/panel/web/src/lib/territory-filters';
import { setPanelTimeZone } from '../../../src/panel/web/src/lib/time-zone';

// 22:30 UTC on 31 March 2026: 00:30 on 1 April in Rome (summer time), 23:30 on 31 March in London.
const AT = '2026-03-31T22:30:00.000Z';

describe('times in the panel', () => {
  afterEach(() => setPanelTimeZone('Europe/Rome'));

  it('are shown in Europe/Rome until /api/meta names the municipality’s zone', () => {
    expect(formatDateTime(AT, 'it')).toBe('01/04/2026, 00:30');
    expect(formatClock(AT, 'en')).toBe('00:30');
    expect(todayLocal(new Date(AT))).toBe('2026-04-01');
  });

  it('follow the municipality’s time zone, local days included', () => {
    setPanelTimeZone('Europe/London');
    expect(formatDateTime(AT, 'en')).toBe('31/03/2026, 23:30');
    expect(todayLocal(new Date(AT))).toBe('2026-03-31');
  });

  it('show nothing for a missing or broken date', () => {
    expect(formatDateTime(undefined, 'it')).toBe('');
    expect(formatDateTime('not a date', 'it')).toBe('');
  });
});
