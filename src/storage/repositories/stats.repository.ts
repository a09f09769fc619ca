/**
 * The territory picture from incrementally maintained counters (see report-stats.model.ts): hot
 * zones with their trend, the heat layer, and indicators per period and dimension. Every query reads
 * at most (days x zones x categories) small documents, never the reports themselves.
 */
import type { Connection } from 'mongoose';
import { DateTime } from 'luxon';
import type { ReportView } from '../../domain/ports';
import type { ReportAction } from '../../domain/report';
import { serviceMillisBetween, type ServiceHours } from '../../domain/service-hours';
import {
  dayRange,
  heatCell,
  heatCellCenter,
  histogramBucket,
  histogramPercentile,
  histogramCount,
  hotZoneWeight,
  localDay,
  mergeHistograms,
  periodOf,
  previousWindow,
  type Histogram,
  type Period,
} from '../../domain/analytics';
import { reportHeatModel, reportStatsModel } from '../models/report-stats.model';

export type StatsOptions = {
  timeZone: string;
  serviceHours: ServiceHours;
  severityOf: (categoryId: string) => number;
  /** A report's first-action target in service minutes (src/domain/sla.ts), for the share within target. */
  slaTargetMinutes?: (r: { categoryId: string; priority: number }) => number | undefined;
};

export type HotZone = {
  zone: string;
  received: number;
  weighted: number;
  previousReceived: number;
  previousWeighted: number;
  trend: number | null;
};
export type HeatPoint = { lat: number; lng: number; n: number };
export type DurationFigures = { count: number; medianMs: number | null; p90Ms: number | null };
export type IndicatorRow = {
  period: string;
  key: string;
  received: number;
  confirmations: number;
  outcomes: Record<string, number>;
  take: { wall: DurationFigures; service: DurationFigures };
  dispatch: { wall: DurationFigures; service: DurationFigures };
  close: { wall: DurationFigures; service: DurationFigures };
  /** First actions within their service-level target, and the share (null without any). */
  sla: { met: number; breached: number; shareWithinTarget: number | null };
  /** Citizens' answers to "Il problema è stato risolto?" after a close, and the share of "solved" (null without any). */
  resolution: { solved: number; notSolved: number; shareSolved: number | null };
};
export type IndicatorQuery = {
  from: Date;
  to: Date;
  period: Period;
  groupBy: 'category' | 'zone' | 'channel' | 'none';
  categoryId?: string[];
  zone?: string[];
};

type Dimension = 'zone' | 'categoryId' | 'channel';

/**
 * The day after a 'YYYY-MM-DD' day. Day ranges are queried as [from, dayAfter(to)) rather than
 * [from, to]: the embedded MongoDB-wire server misses the rows of the last day with `$lte` on the
 * compound index (kind, day, categoryId) when the row has no categoryId (zone or channel rows),
 * so hot zones and indicators lost today's reports there. Same result on MongoDB.
 */
const dayAfter = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;

/**
 * Which dimensions each kind of counter row keeps. A query reads the smallest kind that has the
 * dimensions it groups or filters by: 90 days of hot zones read 90 x zones rows, not x categories.
 */
export const STATS_KINDS: Record<string, readonly Dimension[]> = {
  z: ['zone'],
  c: ['categoryId'],
  h: ['channel'],
  zc: ['zone', 'categoryId'],
  hc: ['channel', 'categoryId'],
};

function kindFor(needed: Dimension[]): string {
  const fits = Object.entries(STATS_KINDS).filter(([, dims]) => needed.every((d) => dims.includes(d)));
  fits.sort((a, b) => a[1].length - b[1].length);
  return fits[0]?.[0] ?? 'zc';
}

/** The counter rows a report feeds: one per kind, keyed by the report's values of its dimensions. */
export function statsRowsOf(r: Pick<ReportView, 'createdAt' | 'location' | 'categoryId' | 'channel'>, timeZone: string) {
  const day = localDay(r.createdAt, timeZone);
  const values: Record<Dimension, string> = { zone: r.location.zone ?? 'none', categoryId: r.categoryId, channel: r.channel };
  return Object.entries(STATS_KINDS).map(([kind, dims]) => ({
    _id: [kind, day, ...dims.map((d) => values[d])].join('|'),
    set: { kind, day, ...Object.fromEntries(dims.map((d) => [d, values[d]])) },
  }));
}

const MEASURED: Partial<Record<ReportAction, 'take' | 'dispatch' | 'close'>> = {
  take: 'take',
  dispatch: 'dispatch',
  close: 'close',
  reject: 'close',
  mark_duplicate: 'close',
};

export function createStatsRepository(conn: Connection, opts: StatsOptions) {
  const Stats = reportStatsModel(conn);
  const Heat = reportHeatModel(conn);
  const tz = opts.timeZone;

  const rowsOf = (r: ReportView) => statsRowsOf(r, tz);
  const incRows = (r: ReportView, inc: Record<string, number>) =>
    Stats.bulkWrite(
      rowsOf(r).map((row) => ({
        updateOne: { filter: { _id: row._id }, update: { $setOnInsert: row.set, $inc: inc }, upsert: true },
      })),
      { ordered: false },
    );

  return {
    async recordCreated(r: ReportView) {
      const day = localDay(r.createdAt, tz);
      const cell = heatCell(r.location.point);
      await incRows(r, { received: 1, weighted: hotZoneWeight(opts.severityOf(r.categoryId)) });
      await Heat.bulkWrite(
        [r.categoryId, '*'].map((categoryId) => ({
          updateOne: {
            filter: { _id: `${day}|${cell}|${categoryId}` },
            update: { $setOnInsert: { day, cell, categoryId }, $inc: { n: 1 } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    },

    /** A citizen's answer to "solved?", counted on the report's rows (the day it was received). */
    async recordResolution(r: ReportView, answer: 'solved' | 'not_solved' | 'still_there') {
      await incRows(r, { [answer === 'solved' ? 'resolution.solved' : 'resolution.notSolved']: 1 });
    },

    async recordConfirmation(r: ReportView) {
      await incRows(r, { confirmations: 1 });
    },

    async recordTransition(r: ReportView, action: ReportAction, at: Date) {
      const measure = MEASURED[action];
      if (!measure) return;
      const inc: Record<string, number> = {
        [`durations.${measure}.wall.${histogramBucket(at.getTime() - r.createdAt.getTime())}`]: 1,
        [`durations.${measure}.service.${histogramBucket(serviceMillisBetween(opts.serviceHours, r.createdAt, at))}`]: 1,
      };
      if (action === 'close' && r.outcome?.code) inc[`outcomes.${r.outcome.code}`] = 1;
      // The first action stops the service-level clock: taking the report, or finishing it untaken.
      const firstAction = action === 'take' || ((action === 'reject' || action === 'mark_duplicate') && !r.takenAt);
      const target = firstAction ? opts.slaTargetMinutes?.(r) : undefined;
      if (target !== undefined)
        inc[serviceMillisBetween(opts.serviceHours, r.createdAt, at) <= target * 60_000 ? 'sla.met' : 'sla.breached'] = 1;
      await incRows(r, inc);
    },

    /** Zones by weighted count in [from, to), with the previous window of as many days. */
    async hotZones(q: { from: Date; to: Date; categoryId?: string[] }): Promise<HotZone[]> {
      const cur = dayRange(q.from, q.to, tz);
      const before = previousWindow(q.from, q.to, tz);
      const prev = dayRange(before.from, before.to, tz);
      const rows = await Stats.aggregate<{
        _id: string;
        received: number;
        weighted: number;
        previousReceived: number;
        previousWeighted: number;
      }>([
        {
          $match: {
            kind: q.categoryId?.length ? 'zc' : 'z',
            day: { $gte: prev.fromDay, $lt: dayAfter(cur.toDay) },
            ...(q.categoryId?.length ? { categoryId: { $in: q.categoryId.map(String) } } : {}),
          },
        },
        { $addFields: { current: { $gte: ['$day', cur.fromDay] } } },
        {
          $group: {
            _id: '$zone',
            received: { $sum: { $cond: ['$current', '$received', 0] } },
            weighted: { $sum: { $cond: ['$current', '$weighted', 0] } },
            previousReceived: { $sum: { $cond: ['$current', 0, '$received'] } },
            previousWeighted: { $sum: { $cond: ['$current', 0, '$weighted'] } },
          },
        },
        { $sort: { weighted: -1, _id: 1 } },
      ]);
      return rows.map((r) => ({
        zone: r._id,
        received: r.received,
        weighted: r.weighted,
        previousReceived: r.previousReceived,
        previousWeighted: r.previousWeighted,
        trend: r.previousWeighted ? (r.weighted - r.previousWeighted) / r.previousWeighted : null,
      }));
    },

    /** Report counts per ~500 m cell in [from, to), for the heat layer. */
    async heat(q: { from: Date; to: Date; categoryId?: string }): Promise<HeatPoint[]> {
      const { fromDay, toDay } = dayRange(q.from, q.to, tz);
      const rows = await Heat.aggregate<{ _id: string; n: number }>([
        { $match: { categoryId: q.categoryId ? String(q.categoryId) : '*', day: { $gte: fromDay, $lt: dayAfter(toDay) } } },
        { $group: { _id: '$cell', n: { $sum: '$n' } } },
      ]);
      return rows.map((r) => ({ ...heatCellCenter(r._id), n: r.n }));
    },

    /** Indicators per period (day/week/month of the report's creation) and dimension. */
    async indicators(q: IndicatorQuery): Promise<IndicatorRow[]> {
      const { fromDay, toDay } = dayRange(q.from, q.to, tz);
      const needed = new Set<Dimension>();
      if (q.groupBy === 'category' || q.categoryId?.length) needed.add('categoryId');
      if (q.groupBy === 'zone' || q.zone?.length) needed.add('zone');
      if (q.groupBy === 'channel') needed.add('channel');
      const kind = kindFor(needed.size ? [...needed] : ['categoryId']);
      const docs = await Stats.find(
        {
          kind,
          day: { $gte: fromDay, $lt: dayAfter(toDay) },
          ...(q.categoryId?.length ? { categoryId: { $in: q.categoryId.map(String) } } : {}),
          ...(q.zone?.length ? { zone: { $in: q.zone.map(String) } } : {}),
        },
        { _id: 0, day: 1, zone: 1, categoryId: 1, channel: 1, received: 1, confirmations: 1, outcomes: 1, durations: 1, sla: 1, resolution: 1 },
      ).lean<
        Array<{
          day: string;
          zone?: string;
          categoryId?: string;
          channel?: string;
          received: number;
          confirmations: number;
          outcomes?: Record<string, number>;
          durations?: Record<string, Record<string, Histogram>>;
          sla?: { met?: number; breached?: number };
          resolution?: { solved?: number; notSolved?: number };
        }>
      >();
      type Acc = {
        period: string;
        key: string;
        received: number;
        confirmations: number;
        outcomes: Record<string, number>;
        h: Record<string, Histogram>;
        met: number;
        breached: number;
        solved: number;
        notSolved: number;
      };
      const groups = new Map<string, Acc>();
      for (const d of docs) {
        const period = periodOf(d.day, q.period);
        const key =
          q.groupBy === 'none'
            ? 'all'
            : q.groupBy === 'category'
              ? (d.categoryId ?? 'none')
              : q.groupBy === 'zone'
                ? (d.zone ?? 'none')
                : (d.channel ?? 'none');
        const id = `${period}|${key}`;
        const acc = groups.get(id) ?? { period, key, received: 0, confirmations: 0, outcomes: {}, h: {}, met: 0, breached: 0, solved: 0, notSolved: 0 };
        acc.received += d.received ?? 0;
        acc.confirmations += d.confirmations ?? 0;
        acc.met += d.sla?.met ?? 0;
        acc.breached += d.sla?.breached ?? 0;
        acc.solved += d.resolution?.solved ?? 0;
        acc.notSolved += d.resolution?.notSolved ?? 0;
        for (const [o, n] of Object.entries(d.outcomes ?? {})) acc.outcomes[o] = (acc.outcomes[o] ?? 0) + n;
        for (const [m, byClock] of Object.entries(d.durations ?? {}))
          for (const [clock, h] of Object.entries(byClock)) mergeHistograms((acc.h[`${m}.${clock}`] ??= {}), h);
        groups.set(id, acc);
      }
      const figures = (h: Histogram | undefined): DurationFigures => ({
        count: h ? histogramCount(h) : 0,
        medianMs: h ? histogramPercentile(h, 50) : null,
        p90Ms: h ? histogramPercentile(h, 90) : null,
      });
      const pair = (acc: Acc, m: string) => ({ wall: figures(acc.h[`${m}.wall`]), service: figures(acc.h[`${m}.service`]) });
      return [...groups.values()]
        .sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key))
        .map((acc) => ({
          period: acc.period,
          key: acc.key,
          received: acc.received,
          confirmations: acc.confirmations,
          outcomes: acc.outcomes,
          take: pair(acc, 'take'),
          dispatch: pair(acc, 'dispatch'),
          close: pair(acc, 'close'),
          sla: {
            met: acc.met,
            breached: acc.breached,
            shareWithinTarget: acc.met + acc.breached ? acc.met / (acc.met + acc.breached) : null,
          },
          resolution: {
            solved: acc.solved,
            notSolved: acc.notSolved,
            shareSolved: acc.solved + acc.notSolved ? acc.solved / (acc.solved + acc.notSolved) : null,
          },
        }));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
