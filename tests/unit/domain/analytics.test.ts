import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { dayRange, heatCell, heatCellCenter, histogramBucket, histogramPercentile, localDay, periodOf, previousWindow, type Histogram } from '../../../src/domain/analytics';

describe('duration histograms', () => {
  it('estimate median and 90th percentile within the bucket resolution', () => {
    const h: Histogram = {};
    const minutes = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 minutes
    for (const m of minutes) h[histogramBucket(m * 60_000)] = (h[histogramBucket(m * 60_000)] ?? 0) + 1;
    const median = histogramPercentile(h, 50)! / 60_000;
    const p90 = histogramPercentile(h, 90)! / 60_000;
    expect(median).toBeGreaterThan(50 * 0.85);
    expect(median).toBeLessThan(50 * 1.15);
    expect(p90).toBeGreaterThan(90 * 0.85);
    expect(p90).toBeLessThan(90 * 1.15);
  });

  it('has no percentile for an empty histogram', () => {
    expect(histogramPercentile({}, 50)).toBeNull();
  });
});

describe('heat cells and days', () => {
  it('puts nearby points in one ~500 m cell and returns its centre', () => {
    expect(heatCell({ lat: 43.8414, lng: 10.5731 })).toBe(heatCell({ lat: 43.8431, lng: 10.5712 }));
    expect(heatCell({ lat: 43.8414, lng: 10.5731 })).not.toBe(heatCell({ lat: 43.8514, lng: 10.5731 }));
    const c = heatCellCenter(heatCell({ lat: 43.8414, lng: 10.5731 }));
    expect(Math.abs(c.lat - 43.8414)).toBeLessThan(0.005);
  });

  it('uses the local day in Rome, and ISO weeks and months as periods', () => {
    expect(localDay(new Date('2026-11-22T23:30:00Z'), 'Europe/Rome')).toBe('2026-11-23');
    expect(periodOf('2026-11-22', 'week')).toBe('2026-11-16');
    expect(periodOf('2026-11-22', 'month')).toBe('2026-11-01');
  });
});

describe('previous window', () => {
  const ROME = 'Europe/Rome';
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ROME }).toJSDate();

  it('has as many local days, ending where the window starts', () => {
    const w = previousWindow(at('2026-06-08T00:00'), at('2026-06-15T00:00'), ROME);
    expect(w).toEqual({ from: at('2026-06-01T00:00'), to: at('2026-06-08T00:00') });
  });

  it('starts at a local midnight when a daylight-saving change falls in either window', () => {
    // Summer time starts on 29 March 2026: the window 30 Mar - 6 Apr is 7 days of 24 h, the
    // previous one (23 - 30 Mar) an hour shorter.
    const spring = previousWindow(at('2026-03-30T00:00'), at('2026-04-06T00:00'), ROME);
    expect(spring.from).toEqual(at('2026-03-23T00:00'));
    expect(dayRange(spring.from, spring.to, ROME)).toEqual({ fromDay: '2026-03-23', toDay: '2026-03-29' });
    // Winter time starts on 25 October 2026: the window 19 - 26 Oct is an hour longer.
    const autumn = previousWindow(at('2026-10-19T00:00'), at('2026-10-26T00:00'), ROME);
    expect(dayRange(autumn.from, autumn.to, ROME)).toEqual({ fromDay: '2026-10-12', toDay: '2026-10-18' });
  });
});
