/**
 * Service-hours arithmetic in the municipality's time zone (DST-safe through luxon):
 * is the service open now, when does it open next, and how much service time lies between two instants.
 */
import { DateTime, Interval } from 'luxon';

export type ServiceHours = {
  timeZone: string;
  /** ISO weekdays 1 (Monday) .. 7 (Sunday) on which the service is open. */
  days: number[];
  /** 'HH:mm' local time. */
  opens: string;
  closes: string;
  /** 'YYYY-MM-DD' local dates on which the service is closed. */
  holidays: string[];
};

const hm = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return { hour: h, minute: m };
};

function windowOn(hours: ServiceHours, day: DateTime): Interval | null {
  if (!hours.days.includes(day.weekday) || hours.holidays.includes(day.toISODate() ?? '')) return null;
  const start = day.set({ ...hm(hours.opens), second: 0, millisecond: 0 });
  const end = day.set({ ...hm(hours.closes), second: 0, millisecond: 0 });
  return end > start ? Interval.fromDateTimes(start, end) : null;
}

export function isOpen(hours: ServiceHours, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  return windowOn(hours, local.startOf('day'))?.contains(local) ?? false;
}

/** The next instant the service opens after `at` (or `at` itself when open), within 60 days. */
export function nextOpening(hours: ServiceHours, at: Date): Date | null {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  for (let i = 0; i < 60; i++) {
    const w = windowOn(hours, local.startOf('day').plus({ days: i }));
    if (!w) continue;
    if (w.contains(local)) return at;
    if (w.start! > local) return w.start!.toJSDate();
  }
  return null;
}

/**
 * Opening window of one local day as epoch milliseconds, cached: the queue computes service time
 * for every row it lists, and most rows share their days.
 */
const windowCache = new Map<string, readonly [number, number] | null>();
function windowMillis(hours: ServiceHours, dayStart: DateTime): readonly [number, number] | null {
  const key = `${hours.timeZone}|${hours.days.join('')}|${hours.opens}|${hours.closes}|${hours.holidays.join(',')}|${dayStart.toMillis()}`;
  let w = windowCache.get(key);
  if (w === undefined) {
    const i = windowOn(hours, dayStart);
    w = i ? [i.start!.toMillis(), i.end!.toMillis()] : null;
    if (windowCache.size > 10_000) windowCache.clear();
    windowCache.set(key, w);
  }
  return w;
}

/** Milliseconds of open service time between two instants. */
export function serviceMillisBetween(hours: ServiceHours, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let day = DateTime.fromMillis(a, { zone: hours.timeZone }).startOf('day');
  let total = 0;
  while (day.toMillis() < b) {
    const w = windowMillis(hours, day);
    if (w) total += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
    day = day.plus({ days: 1 });
  }
  return total;
}

/** "08:00-19:00" style description used in messages. */
export function describeHours(hours: ServiceHours, lang: 'it' | 'en'): string {
  const names = {
    it: ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
    en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  }[lang];
  const days = hours.days.length === 7 ? (lang === 'it' ? 'tutti i giorni' : 'every day') : hours.days.map((d) => names[d - 1]).join(', ');
  return `${days} ${hours.opens}-${hours.closes}`;
}
