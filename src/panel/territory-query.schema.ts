/**
 * Query strings of the territory views (hot zones, indicators). Strict like the queue's: plain
 * string values only, known keys only, ids checked against the catalogs. Windows are whole local
 * days (the counters are kept per day): `from` is moved to the start of its day and `to` to the
 * start of the next day unless it already is one, and the answer says which days were counted.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { instant, list } from './report-query.schema';

/** Hot zones compare with the previous window of the same length: both must stay cheap. */
export const MAX_HOTZONE_DAYS = 366;
export const MAX_INDICATOR_DAYS = 731;
export const MAX_DAILY_INDICATOR_DAYS = 366;
export const DEFAULT_HOTZONE_DAYS = 7;

type WindowOpts = { timeZone: string; now: () => Date };

function snapWindow(
  q: { from?: Date; to?: Date },
  opts: WindowOpts,
  defaultFrom: (to: DateTime) => DateTime,
): { from: DateTime; to: DateTime; days: number } {
  const zone = opts.timeZone;
  const endOf = (d: Date) => {
    const at = DateTime.fromJSDate(d, { zone });
    const start = at.startOf('day');
    return +start === +at ? at : start.plus({ days: 1 });
  };
  const to = endOf(q.to ?? opts.now());
  const from = q.from ? DateTime.fromJSDate(q.from, { zone }).startOf('day') : defaultFrom(to);
  return { from, to, days: Math.round(to.diff(from, 'days').days) };
}

const windowRefine = (max: number) => (w: { days: number }, ctx: z.RefinementCtx<unknown>) => {
  if (w.days < 1) ctx.addIssue({ code: 'custom', message: 'from must be before to' });
  else if (w.days > max) ctx.addIssue({ code: 'custom', message: `the window can be at most ${max} days long` });
};

export function hotZonesQuerySchema(opts: WindowOpts & { categoryIds: readonly string[] }) {
  return z
    .strictObject({
      from: instant('from', opts.timeZone, false).optional(),
      to: instant('to', opts.timeZone, true).optional(),
      category: list('category', opts.categoryIds).optional(),
    })
    .transform((q) => ({ ...snapWindow(q, opts, (to) => to.minus({ days: DEFAULT_HOTZONE_DAYS })), categoryId: q.category }))
    .superRefine(windowRefine(MAX_HOTZONE_DAYS))
    .transform((w) => ({ from: w.from.toJSDate(), to: w.to.toJSDate(), days: w.days, categoryId: w.categoryId }));
}

export const PERIODS = ['day', 'week', 'month'] as const;
export const GROUP_BYS = ['none', 'category', 'zone', 'channel'] as const;

/** The default window per period: 30 days, the last 12 weeks, the last 12 months (current one included). */
const DEFAULT_FROM: Record<(typeof PERIODS)[number], (to: DateTime) => DateTime> = {
  day: (to) => to.minus({ days: 30 }),
  week: (to) => to.minus({ days: 1 }).startOf('week').minus({ weeks: 11 }),
  month: (to) => to.minus({ days: 1 }).startOf('month').minus({ months: 11 }),
};

export function indicatorsQuerySchema(opts: WindowOpts & { categoryIds: readonly string[]; zoneIds: readonly string[] }) {
  return z
    .strictObject({
      period: z.enum(PERIODS, { message: `period must be one of ${PERIODS.join(', ')}` }).default('week'),
      groupBy: z.enum(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` }).default('none'),
      from: instant('from', opts.timeZone, false).optional(),
      to: instant('to', opts.timeZone, true).optional(),
      category: list('category', opts.categoryIds).optional(),
      zone: list('zone', opts.zoneIds).optional(),
    })
    .transform((q) => ({ ...q, ...snapWindow(q, opts, DEFAULT_FROM[q.period]) }))
    .superRefine((q, ctx) => windowRefine(q.period === 'day' ? MAX_DAILY_INDICATOR_DAYS : MAX_INDICATOR_DAYS)(q, ctx))
    .transform((q) => ({
      from: q.from.toJSDate(),
      to: q.to.toJSDate(),
      days: q.days,
      period: q.period,
      groupBy: q.groupBy,
      categoryId: q.category,
      zone: q.zone,
    }));
}
