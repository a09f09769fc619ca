/**
 * Stores a report's recomputed priority against concurrent writers: the score always comes from the
 * latest version read (a lost race re-reads and scores again). Shared by confirmations and merges.
 */
import type { Model } from 'mongoose';
import type { ConfirmedReportView, PriorityScore } from '../../domain/ports';
import type { ReportDocument } from '../models/report.model';

/** Attempts before giving up to a busier writer (who stores its own score). */
const RESCORE_ATTEMPTS = 5;

export function createScoreStore(
  Report: Model<ReportDocument>,
  toView: (doc: ReportDocument) => ConfirmedReportView,
) {
  const load = (id: string) => Report.findById(id).lean<ReportDocument>();
  return async function storeScore(id: string, rescore: (report: ConfirmedReportView) => PriorityScore): Promise<ReportDocument | null> {
    let doc = await load(id);
    for (let attempt = 0; doc && attempt < RESCORE_ATTEMPTS; attempt++) {
      const { score, factors } = rescore(toView(doc));
      const stored = await Report.findOneAndUpdate(
        { _id: id, version: doc.version ?? 0 },
        { $set: { priority: score, priorityFactors: factors } },
        { returnDocument: 'after' },
      ).lean<ReportDocument>();
      if (stored) return stored;
      doc = await load(id);
    }
    return doc;
  };
}
