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

/** Milliseconds of open service time between two instants. */
export function serviceMillisBetween(hours: ServiceHours, from: Date, to: Date): number {
  if (to <= from) return 0;
  const span = Interval.fromDateTimes(DateTime.fromJSDate(from), DateTime.fromJSDate(to));
  let day = DateTime.fromJSDate(from, { zone: hours.timeZone }).startOf('day');
  const last = DateTime.fromJSDate(to, { zone: hours.timeZone }).startOf('day');
  let total = 0;
  while (day <= last) {
    const w = windowOn(hours, day);
    const overlap = w && w.intersection(span);
    if (overlap) total += overlap.toDuration().toMillis();
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
  const days =
    hours.days.length === 7
      ? lang === 'it'
        ? 'tutti i giorni'
        : 'every day'
      : hours.days.map((d) => names[d - 1]).join(', ');
  return `${days} ${hours.opens}-${hours.closes}`;
}
