/**
 * Service time between two instants, fast enough for a page of the queue: the open time of whole
 * local days is computed once per day and summed through prefix sums; only the partial first and
 * last days go through the domain's serviceMillisBetween, once per instant. Same answers, O(1) per
 * call after warm-up.
 */
import { DateTime } from 'luxon';
import { serviceMillisBetween, type ServiceHours } from '../domain/service-hours';

const DAY = 86_400_000;

export type ServiceClock = { serviceMillis(from: Date, to: Date): number };

export function serviceClock(hours: ServiceHours): ServiceClock {
  const zone = hours.timeZone;
  /** Local calendar day of an instant, as a day number (days since 1970-01-01). */
  const dayOf = (at: Date) => {
    const l = DateTime.fromJSDate(at, { zone });
    return Math.round(Date.UTC(l.year, l.month - 1, l.day) / DAY);
  };
  /** The instant local day `n` starts. */
  const startOf = (n: number) => {
    const d = new Date(n * DAY);
    return DateTime.fromObject({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, { zone }).toJSDate();
  };
  const openMillisOfDay = (n: number) => serviceMillisBetween(hours, startOf(n), startOf(n + 1));

  // prefix[i] = open time of days base .. base+i-1.
  let base = 0;
  let prefix: number[] = [];
  const cover = (first: number, last: number) => {
    if (!prefix.length || first < base) {
      const end = prefix.length ? base + prefix.length - 1 : first;
      base = first;
      prefix = [0];
      for (let n = base; n < end; n++) prefix.push(prefix[prefix.length - 1] + openMillisOfDay(n));
    }
    while (base + prefix.length - 1 < last) prefix.push(prefix[prefix.length - 1] + openMillisOfDay(base + prefix.length - 1));
  };
  /** Open time of whole days first .. last-1. */
  const wholeDays = (first: number, last: number) => {
    if (last <= first) return 0;
    cover(first, last);
    return prefix[last - base] - prefix[first - base];
  };

  /**
   * An instant's local day and the open time from that day's start to it, kept per instant: a page
   * of the queue asks for the same instants again and again (each report's creation and take, and
   * the request's "now" for every row), and each answer costs several luxon conversions.
   */
  const sinceDayStart = new Map<number, { day: number; ms: number }>();
  const partOfDay = (at: Date) => {
    const t = at.getTime();
    let hit = sinceDayStart.get(t);
    if (!hit) {
      const day = dayOf(at);
      hit = { day, ms: serviceMillisBetween(hours, startOf(day), at) };
      if (sinceDayStart.size >= 50_000) sinceDayStart.clear();
      sinceDayStart.set(t, hit);
    }
    return hit;
  };

  return {
    serviceMillis(from, to) {
      if (to <= from) return 0;
      // Open time is additive: (whole days from `from`'s day to `to`'s) + (to's day start -> to) - (from's day start -> from).
      const f = partOfDay(from);
      const e = partOfDay(to);
      return wholeDays(f.day, e.day) + e.ms - f.ms;
    },
  };
}
