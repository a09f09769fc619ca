/**
 * Service-hours arithmetic in the municipality's time zone (DST-safe through luxon): is the service
 * open now, when does it open next, and how much service time lies between two instants. The
 * calendar: weekly hours (split shifts allowed), Italian public holidays and the patron-saint day,
 * extra holidays, and closures announced ahead (an afternoon, a strike, an event).
 */
import { DateTime, Interval } from 'luxon';
import { italianPublicHolidays } from './italian-holidays';

export type ServiceHours = {
  timeZone: string;
  /** ISO weekdays 1 (Monday) .. 7 (Sunday) on which the service is open. */
  days: number[];
  /** 'HH:mm' local time. */
  opens: string;
  closes: string;
  /** 'YYYY-MM-DD' local dates on which the service is closed. */
  holidays: string[];
  /** Weekly hours with split shifts; when given, it replaces days/opens/closes. */
  weekly?: Array<{ days: number[]; shifts: Array<{ opens: string; closes: string }> }>;
  /** Closed on Italy's national public holidays (and on `patronDay`). */
  italianHolidays?: boolean;
  /** The municipality's patron-saint day, 'MM-DD'. */
  patronDay?: string;
  /** Closures announced ahead, local 'YYYY-MM-DDTHH:mm' from/to. */
  closures?: Array<{ from: string; to: string; note?: { it: string; en: string } }>;
};

const hm = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return { hour: h, minute: m };
};

const holidayCache = new Map<string, Set<string>>();
function isHoliday(hours: ServiceHours, day: DateTime): boolean {
  const date = day.toISODate() ?? '';
  if (hours.holidays.includes(date)) return true;
  if (!hours.italianHolidays) return hours.patronDay ? date.slice(5) === hours.patronDay : false;
  const key = `${day.year}|${hours.patronDay ?? ''}`;
  let set = holidayCache.get(key);
  if (!set) holidayCache.set(key, (set = new Set(italianPublicHolidays(day.year, hours.patronDay))));
  return set.has(date);
}

/** The shifts of a weekday: the weekly hours, or the single opens-closes window. */
function shiftsOf(hours: ServiceHours, weekday: number): Array<{ opens: string; closes: string }> {
  if (hours.weekly) return hours.weekly.filter((w) => w.days.includes(weekday)).flatMap((w) => w.shifts);
  return hours.days.includes(weekday) ? [{ opens: hours.opens, closes: hours.closes }] : [];
}

/** Removes the announced closures from a day's open intervals. */
function minusClosures(hours: ServiceHours, intervals: Interval[]): Interval[] {
  if (!hours.closures?.length) return intervals;
  const closed = hours.closures.map((c) =>
    Interval.fromDateTimes(DateTime.fromISO(c.from, { zone: hours.timeZone }), DateTime.fromISO(c.to, { zone: hours.timeZone })),
  );
  return intervals.flatMap((i) => i.difference(...closed.filter((c) => c.isValid)));
}

function windowsOn(hours: ServiceHours, day: DateTime): Interval[] {
  if (isHoliday(hours, day)) return [];
  const open = shiftsOf(hours, day.weekday)
    .map((s) =>
      Interval.fromDateTimes(
        day.set({ ...hm(s.opens), second: 0, millisecond: 0 }),
        day.set({ ...hm(s.closes), second: 0, millisecond: 0 }),
      ),
    )
    .filter((i) => i.isValid && i.length() > 0)
    .sort((a, b) => a.start!.toMillis() - b.start!.toMillis());
  return minusClosures(hours, open);
}

export function isOpen(hours: ServiceHours, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  return windowsOn(hours, local.startOf('day')).some((w) => w.contains(local));
}

/** The next instant the service opens after `at` (or `at` itself when open), within 60 days. */
export function nextOpening(hours: ServiceHours, at: Date): Date | null {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  for (let i = 0; i < 60; i++) {
    for (const w of windowsOn(hours, local.startOf('day').plus({ days: i }))) {
      if (w.contains(local)) return at;
      if (w.start! > local) return w.start!.toJSDate();
    }
  }
  return null;
}

/** Closures announced from `at` on, within `days`. */
export function upcomingClosures(hours: ServiceHours, at: Date, days = 14): NonNullable<ServiceHours['closures']> {
  const end = at.getTime() + days * 86_400_000;
  return (hours.closures ?? []).filter((c) => {
    const to = DateTime.fromISO(c.to, { zone: hours.timeZone }).toMillis();
    const from = DateTime.fromISO(c.from, { zone: hours.timeZone }).toMillis();
    return to > at.getTime() && from < end;
  });
}

/**
 * Opening window of one local day as epoch milliseconds, cached: the queue computes service time
 * for every row it lists, and most rows share their days.
 */
const windowCache = new Map<string, ReadonlyArray<readonly [number, number]>>();
const calendarKeys = new WeakMap<ServiceHours, string>();
function windowMillis(hours: ServiceHours, dayStart: DateTime): ReadonlyArray<readonly [number, number]> {
  let calendar = calendarKeys.get(hours);
  if (!calendar) calendarKeys.set(hours, (calendar = JSON.stringify(hours)));
  const key = `${calendar}|${dayStart.toMillis()}`;
  let w = windowCache.get(key);
  if (w === undefined) {
    w = windowsOn(hours, dayStart).map((i) => [i.start!.toMillis(), i.end!.toMillis()] as const);
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
    for (const w of windowMillis(hours, day)) total += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
    day = day.plus({ days: 1 });
  }
  return total;
}

/** The words a description of the hours is made of, in one language (they live in src/texts/citizen). */
export type HoursWords = { dayNames: readonly string[]; everyDay: string; exceptHolidays(text: string): string };

/** "08:00-19:00" style description used in messages ("lun, mar 08:00-13:00, 14:00-19:00; sab 08:00-12:00"). */
export function describeHours(hours: ServiceHours, words: HoursWords): string {
  const daysText = (days: number[]) => (days.length === 7 ? words.everyDay : days.map((d) => words.dayNames[d - 1]).join(', '));
  const groups = hours.weekly ?? [{ days: hours.days, shifts: [{ opens: hours.opens, closes: hours.closes }] }];
  const text = groups.map((g) => `${daysText(g.days)} ${g.shifts.map((s) => `${s.opens}-${s.closes}`).join(', ')}`).join('; ');
  return hours.italianHolidays ? words.exceptHolidays(text) : text;
}
