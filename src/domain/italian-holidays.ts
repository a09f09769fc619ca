/**
 * Italian national public holidays of a year, as local 'YYYY-MM-DD' dates: the fixed ones, Easter
 * Monday (Pasquetta), and St Francis' day (4 October), a national holiday again from 2026.
 * The municipality's patron-saint day comes from its profile.
 */
const FIXED = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** Easter Sunday (Gregorian calendar; Anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function italianPublicHolidays(year: number, patronDay?: string): string[] {
  const easter = easterSunday(year);
  const monday = new Date(Date.UTC(year, easter.month - 1, easter.day + 1));
  const days = [...FIXED, `${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`];
  if (year >= 2026) days.push('10-04');
  if (patronDay) days.push(patronDay);
  return [...new Set(days)].map((md) => `${year}-${md}`).sort();
}
