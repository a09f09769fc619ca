/**
 * The queue's query string: strict (unknown keys such as `status[$ne]` are refused), every value a
 * plain string (a repeated key is refused), lists comma separated and checked against the known ids.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CHANNELS } from '../domain/message';
import type { ReportFilter } from '../domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES } from '../domain/report';

export const list = <T extends string>(name: string, allowed: readonly T[]) =>
  z
    .string({ message: `${name} must be a plain comma-separated list` })
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string())
        .min(1, `${name} must not be empty`)
        .refine((vs) => vs.every((v) => (allowed as readonly string[]).includes(v)), {
          message: `${name}: unknown value (allowed: ${allowed.join(', ')})`,
        }),
    )
    .transform((vs) => vs as T[]);

/** An ISO date-time, or a YYYY-MM-DD local date (its start for `from`, its end for `to`). */
export const instant = (name: string, timeZone: string, endOfDay: boolean) =>
  z.string({ message: `${name} must be a plain ISO date` }).transform((v, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const day = DateTime.fromISO(v, { zone: timeZone });
      if (day.isValid) return (endOfDay ? day.plus({ days: 1 }) : day).startOf('day').toJSDate();
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
      const at = DateTime.fromISO(v, { setZone: true });
      if (at.isValid) return at.toJSDate();
    }
    ctx.addIssue({ code: 'custom', message: `${name} must be an ISO date (YYYY-MM-DD or a date-time)` });
    return z.NEVER;
  });

const integer = (name: string, min: number, max: number) =>
  z
    .string({ message: `${name} must be a plain number` })
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const MAX_PAGE = 200;

export function reportListQuerySchema(opts: { categoryIds: readonly string[]; zoneIds: readonly string[]; timeZone: string }) {
  return z
    .strictObject({
      status: list('status', REPORT_STATUSES).optional(),
      category: list('category', opts.categoryIds).optional(),
      zone: list('zone', opts.zoneIds).optional(),
      channel: list('channel', CHANNELS).optional(),
      from: instant('from', opts.timeZone, false).optional(),
      to: instant('to', opts.timeZone, true).optional(),
      /** Whose: mine, my team's, or nobody's (resolved with the operator by `assignmentFilter`). */
      assigned: z.enum(['mine', 'team', 'unassigned'], { message: 'assigned must be mine, team or unassigned' }).optional(),
      sort: z.enum(['priority', 'newest'], { message: 'sort must be priority or newest' }).default('priority'),
      limit: integer('limit', 1, MAX_PAGE).default(50),
      offset: integer('offset', 0, 1_000_000).default(0),
    })
    .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to' })
    .transform((q) => ({
      filter: {
        status: q.status ?? [...OPEN_STATUSES],
        categoryId: q.category,
        zone: q.zone,
        channel: q.channel,
        from: q.from,
        to: q.to,
      } satisfies ReportFilter,
      assigned: q.assigned,
      page: { sort: q.sort, limit: q.limit, offset: q.offset },
    }));
}

/** The queue's "mine / my team / unassigned" as a filter for this operator. */
export function assignmentFilter(
  assigned: 'mine' | 'team' | 'unassigned' | undefined,
  me: { username: string; team?: string },
): Pick<ReportFilter, 'assignee' | 'team'> {
  if (assigned === 'mine') return { assignee: me.username };
  if (assigned === 'unassigned') return { assignee: null };
  // An operator without a team has no team's reports: a team id no report carries.
  if (assigned === 'team') return { team: me.team ?? '-' };
  return {};
}
