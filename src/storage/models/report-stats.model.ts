import { Schema, type Connection } from 'mongoose';

/**
 * Incrementally maintained counters, so the territory picture never scans the reports.
 * Per local day, one row per combination of dimensions a query may need (see STATS_KINDS in
 * stats.repository.ts), each with: received, weighted count, confirmations, outcomes, and
 * histograms of time to take in charge / dispatch / close (wall and service time).
 * Heat rows: per local day, heat cell (~500 m) and category ('*' = all categories).
 * Documents are keyed by their dimensions (_id), updated with $inc and upsert.
 */
const statsSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    day: { type: String, required: true },
    zone: String,
    categoryId: String,
    channel: String,
    received: { type: Number, default: 0 },
    weighted: { type: Number, default: 0 },
    confirmations: { type: Number, default: 0 },
    outcomes: { type: Schema.Types.Mixed, default: {} },
    durations: { type: Schema.Types.Mixed, default: {} },
    /** First actions within (met) or past (breached) their service-level target. */
    sla: { met: { type: Number, default: 0 }, breached: { type: Number, default: 0 } },
    /** Citizens' answers to "solved?" after a close (src/app/citizens/resolution-check.ts). */
    resolution: { solved: { type: Number, default: 0 }, notSolved: { type: Number, default: 0 } },
  },
  { minimize: false, versionKey: false },
);
statsSchema.index({ kind: 1, day: 1, categoryId: 1 });

const heatSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    cell: { type: String, required: true },
    categoryId: { type: String, required: true },
    n: { type: Number, default: 0 },
  },
  { versionKey: false },
);
heatSchema.index({ categoryId: 1, day: 1 });

export const reportStatsModel = (conn: Connection) => conn.model('ReportStats', statsSchema, 'report_stats_daily');
export const reportHeatModel = (conn: Connection) => conn.model('ReportHeat', heatSchema, 'report_heat_daily');
