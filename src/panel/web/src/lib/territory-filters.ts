/**
 * The territory pages keep their choices in the address (/territorio?w=30&category=theft,noise,
 * /indicatori?period=month&groupBy=zone), so a reload, the back button and a shared link keep them.
 * Days are local days of the municipality, sent as YYYY-MM-DD (the API reads them in the town's zone).
 */
import type { GroupBy, Period } from '../api/territory.types';
import { panelTimeZone } from './time-zone';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const WINDOW_PRESETS = ['7', '30', '90'] as const;
export type WindowChoice = (typeof WINDOW_PRESETS)[number] | 'custom';

export type HotzoneFilters = { window: WindowChoice; from: string; to: string; categories: string[] };

/** Today in the municipality's time zone as YYYY-MM-DD. */
export function todayLocal(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: panelTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A YYYY-MM-DD day moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const ids = (v: string | null) => (v ? v.split(',').filter((s) => ID.test(s)) : []);
const day = (v: string | null) => (v && DAY.test(v) ? v : '');

export function hotzoneFiltersFromSearch(search: string): HotzoneFilters {
  const q = new URLSearchParams(search);
  const w = q.get('w');
  const window: WindowChoice = w === 'custom' || (WINDOW_PRESETS as readonly string[]).includes(w ?? '') ? (w as WindowChoice) : '7';
  return { window, from: day(q.get('from')), to: day(q.get('to')), categories: ids(q.get('category')) };
}

export function hotzoneFiltersToSearch(f: HotzoneFilters): string {
  const q = new URLSearchParams();
  if (f.window !== '7') q.set('w', f.window);
  if (f.window === 'custom') {
    if (f.from) q.set('from', f.from);
    if (f.to) q.set('to', f.to);
  }
  if (f.categories.length) q.set('category', f.categories.join(','));
  const s = q.toString();
  return s ? `?${s.replace(/%2C/g, ',')}` : '';
}

/** The API query: a preset of N days is today and the N-1 days before it. */
export function hotzoneFiltersToApiQuery(f: HotzoneFilters, today = todayLocal()): Record<string, string | undefined> {
  const category = f.categories.length ? f.categories.join(',') : undefined;
  if (f.window === 'custom') return { from: f.from || undefined, to: f.to || undefined, category };
  return { from: addDays(today, -(Number(f.window) - 1)), to: today, category };
}

export type Clock = 'service' | 'wall';
export type IndicatorFilters = { period: Period; groupBy: GroupBy; from: string; to: string; category: string; zone: string; clock: Clock };

const PERIODS: Period[] = ['day', 'week', 'month'];
const GROUP_BYS: GroupBy[] = ['none', 'category', 'zone', 'channel'];

export function indicatorFiltersFromSearch(search: string): IndicatorFilters {
  const q = new URLSearchParams(search);
  const period = q.get('period') as Period;
  const groupBy = q.get('groupBy') as GroupBy;
  return {
    period: PERIODS.includes(period) ? period : 'week',
    groupBy: GROUP_BYS.includes(groupBy) ? groupBy : 'none',
    from: day(q.get('from')),
    to: day(q.get('to')),
    category: ID.test(q.get('category') ?? '') ? q.get('category')! : '',
    zone: ID.test(q.get('zone') ?? '') ? q.get('zone')! : '',
    clock: q.get('clock') === 'wall' ? 'wall' : 'service',
  };
}

export function indicatorFiltersToSearch(f: IndicatorFilters): string {
  const q = new URLSearchParams();
  if (f.period !== 'week') q.set('period', f.period);
  if (f.groupBy !== 'none') q.set('groupBy', f.groupBy);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.category) q.set('category', f.category);
  if (f.zone) q.set('zone', f.zone);
  if (f.clock !== 'service') q.set('clock', f.clock);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function indicatorFiltersToApiQuery(f: IndicatorFilters): Record<string, string | undefined> {
  return {
    period: f.period,
    groupBy: f.groupBy,
    from: f.from || undefined,
    to: f.to || undefined,
    category: f.category || undefined,
    zone: f.zone || undefined,
  };
}
