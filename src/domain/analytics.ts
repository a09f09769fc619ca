/**
 * Pure pieces of the territory picture: durations kept as log-scale histograms (so medians and
 * 90th percentiles of a month come from a few thousand counters, not from every report), heat-map
 * cells, and the weight of a report in a hot-zone count.
 */
import { DateTime } from 'luxon';
import type { GeoPoint } from './message';

/** Bucket i holds durations in [BASE^i, BASE^(i+1)) seconds: about ±12% resolution. */
const BASE = 1.25;
const MAX_BUCKET = 80; // 1.25^80 s ≈ 170 years: every real duration fits.

export type Histogram = Record<string, number>;

export function histogramBucket(ms: number): string {
  const seconds = Math.max(1, ms / 1000);
  return `b${Math.min(MAX_BUCKET, Math.floor(Math.log(seconds) / Math.log(BASE)))}`;
}

export function mergeHistograms(into: Histogram, from: Histogram | undefined): Histogram {
  for (const [k, n] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + n;
  return into;
}

export function histogramCount(h: Histogram): number {
  return Object.values(h).reduce((a, b) => a + b, 0);
}

/** The p-th percentile (0-100) in ms, as the geometric middle of the bucket it falls in. */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const buckets = Object.entries(h)
    .map(([k, n]) => [Number(k.slice(1)), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((a, [, n]) => a + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [i, n] of buckets) {
    seen += n;
    if (seen >= rank) return Math.round(1000 * BASE ** (i + 0.5));
  }
  return null;
}

/** Heat-map cell of about 500 m: 0.005° of latitude and longitude, named by its south-west corner. */
export const HEAT_CELL_DEGREES = 0.005;

export function heatCell(p: GeoPoint): string {
  const lat = Math.floor(p.lat / HEAT_CELL_DEGREES) * HEAT_CELL_DEGREES;
  const lng = Math.floor(p.lng / HEAT_CELL_DEGREES) * HEAT_CELL_DEGREES;
  return `${lat.toFixed(3)},${lng.toFixed(3)}`;
}

export function heatCellCenter(cell: string): GeoPoint {
  const [lat, lng] = cell.split(',').map(Number);
  return { lat: lat! + HEAT_CELL_DEGREES / 2, lng: lng! + HEAT_CELL_DEGREES / 2 };
}

/** A report's weight in hot-zone counts: its category's severity (1-5). */
export function hotZoneWeight(severity: number): number {
  return Math.max(1, Math.min(5, severity));
}

/** The local calendar day of an instant, 'YYYY-MM-DD', in the municipality's time zone. */
export function localDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}

export type Period = 'day' | 'week' | 'month';

/** The period a local day belongs to: the day itself, the ISO week's Monday, or the month's first day. */
export function periodOf(day: string, period: Period): string {
  const d = DateTime.fromISO(day);
  if (period === 'day') return day;
  if (period === 'week') return d.startOf('week').toISODate()!;
  return d.startOf('month').toISODate()!;
}

/** Local days from `from` (inclusive) to `to` (exclusive) as 'YYYY-MM-DD' bounds. */
export function dayRange(from: Date, to: Date, timeZone: string): { fromDay: string; toDay: string } {
  return { fromDay: localDay(from, timeZone), toDay: localDay(new Date(to.getTime() - 1), timeZone) };
}

/**
 * The window just before [from, to) with as many local calendar days. Counted in days, not in
 * milliseconds: a window across a daylight-saving change is an hour shorter or longer, and the
 * same span in milliseconds would start the previous window an hour off a local midnight (one day
 * too many in the per-day counters).
 */
export function previousWindow(from: Date, to: Date, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(from, { zone: timeZone });
  const days = Math.round(DateTime.fromJSDate(to, { zone: timeZone }).diff(start, 'days').days);
  return { from: start.minus({ days }).toJSDate(), to: from };
}
