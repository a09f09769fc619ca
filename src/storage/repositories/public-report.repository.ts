/** Reports as the public Open311 API sees them: random public ids, approved description copies. */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { PublicDescription, PublicListing, PublicReportStore, PublishedReport } from '../../domain/public-reports';
import { reportModel, type ReportDocument } from '../models/report.model';
import { isDuplicateKeyError } from './mongo-errors';
import { toReportView } from './report.repository';

/** 128 random bits, URL-safe: guessing one published id is hopeless, and ids say nothing about order. */
const newPublicId = () => randomBytes(16).toString('base64url');

export const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function createPublicReportRepository(conn: Connection): PublicReportStore {
  const Report = reportModel(conn);

  /** The stored public id, or a new one set only if none was set meanwhile (then the winner's is read back). */
  const ensurePublicId = async (doc: ReportDocument): Promise<string> => {
    if (typeof doc.publicId === 'string') return doc.publicId;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const updated = await Report.findOneAndUpdate(
          { _id: doc._id, publicId: { $exists: false } },
          { $set: { publicId: newPublicId() } },
          { returnDocument: 'after', timestamps: false },
        ).lean<ReportDocument>();
        if (updated?.publicId) return updated.publicId;
        const current = await Report.findById(doc._id).select({ publicId: 1 }).lean<ReportDocument>();
        if (current?.publicId) return current.publicId;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err; // 2^-128 collision: draw again
      }
    }
    throw new Error('could not assign a public id');
  };

  const toPublished = async (doc: ReportDocument): Promise<PublishedReport> => {
    const description = doc.publicDescription;
    return {
      report: toReportView(doc),
      publicId: await ensurePublicId(doc),
      ...(description?.text && description.approvedBy && description.approvedAt
        ? { publicDescription: { text: description.text, approvedBy: description.approvedBy, approvedAt: description.approvedAt } }
        : {}),
    };
  };

  return {
    async list({ clauses, from, to, limit }: PublicListing) {
      if (!clauses.length) return [];
      const or = clauses.map((c) => ({
        categoryId: { $in: c.categoryIds },
        status: { $in: c.statuses },
        ...(c.closedBefore ? { closedAt: { $lte: c.closedBefore } } : {}),
      }));
      const created = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
      const docs = await Report.find({ $or: or, ...(from || to ? { createdAt: created } : {}) })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<ReportDocument[]>();
      const published: PublishedReport[] = [];
      for (const doc of docs) published.push(await toPublished(doc));
      return published;
    },
    async getByPublicId(publicId) {
      if (!PUBLIC_ID_PATTERN.test(publicId)) return null;
      const doc = await Report.findOne({ publicId: String(publicId) }).lean<ReportDocument>();
      return doc ? toPublished(doc) : null;
    },
    async publicIdOf(reportId) {
      const doc = await Report.findById(reportId)
        .select({ publicId: 1 })
        .lean<ReportDocument>()
        .catch(() => null);
      return doc ? ensurePublicId(doc) : null;
    },
    async setPublicDescription(reportId, value: PublicDescription | null) {
      const update = value ? { $set: { publicDescription: value } } : { $unset: { publicDescription: 1 } };
      const res = await Report.updateOne({ _id: reportId }, update, { timestamps: false }).catch((err: Error) => {
        if (err.name === 'CastError') return { matchedCount: 0 };
        throw err;
      });
      return res.matchedCount > 0;
    },
  };
}
