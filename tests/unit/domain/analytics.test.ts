import { describe, expect, it } from 'vitest';
import { heatCell, heatCellCenter, histogramBucket, histogramPercentile, localDay, periodOf, type Histogram } from '../../../src/domain/analytics';

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
