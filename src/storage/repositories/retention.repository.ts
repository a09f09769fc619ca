/** The retention job's storage work (see src/domain/ports/retention.ts and src/app/citizens/retention.ts). */
import { Schema, type Connection } from 'mongoose';
import type { RetentionStore } from '../../domain/ports';
import { auditEventModel } from '../models/audit-event.model';
import { conversationModel } from '../models/conversation.model';
import { inboxMessageModel } from '../models/inbox-message.model';
import { outboundMessageModel } from '../models/outbound-message.model';
import { reportModel, type ReportDocument } from '../models/report.model';

const runSchema = new Schema({ at: { type: Date, required: true }, counts: { type: Schema.Types.Mixed, required: true } }, { minimize: false });
runSchema.index({ at: -1 });

const CLOSED = ['closed', 'rejected', 'duplicate'] as const;

export function createRetentionRepository(conn: Connection): RetentionStore {
  const Run = conn.models.RetentionRun ?? conn.model('RetentionRun', runSchema, 'retention_runs');
  const Report = reportModel(conn);
  return {
    async lastRunAt() {
      const last = await Run.findOne().sort({ at: -1 }).lean<{ at: Date }>();
      return last?.at ?? null;
    },
    async purge(cutoffs, pseudonym, now) {
      // Messages still waiting to be processed or sent are never purged.
      const messages = await inboxMessageModel(conn).deleteMany({ receivedAt: { $lt: cutoffs.messages }, state: { $ne: 'received' } });
      const replies = await outboundMessageModel(conn).deleteMany({ createdAt: { $lt: cutoffs.messages }, state: { $ne: 'queued' } });
      const conversations = await conversationModel(conn).deleteMany({ updatedAt: { $lt: cutoffs.messages } });
      const old = await Report.find({ status: { $in: [...CLOSED] }, closedAt: { $lt: cutoffs.identityLink }, pseudonymisedAt: { $exists: false } })
        .select({ _id: 1, confirmationsList: 1 })
        .lean<Array<Pick<ReportDocument, '_id' | 'confirmationsList'>>>();
      for (const r of old) {
        // Rewritten in code: not every MongoDB-wire server supports the all-positional operator.
        const confirmationsList = (r.confirmationsList ?? []).map((c) => ({ ...c, citizenRef: pseudonym() }));
        await Report.updateOne({ _id: r._id }, { $set: { citizenRef: pseudonym(), followers: [], confirmationsList, pseudonymisedAt: now } });
      }
      const audit = await auditEventModel(conn).deleteMany({ at: { $lt: cutoffs.audit } });
      return {
        messages: messages.deletedCount,
        replies: replies.deletedCount,
        conversations: conversations.deletedCount,
        reportsPseudonymised: old.length,
        auditEntries: audit.deletedCount,
      };
    },
    async voiceNoteRefs(before) {
      const docs = await inboxMessageModel(conn)
        .find({ receivedAt: { $lt: before }, state: { $ne: 'received' }, 'payload.kind': 'audio' })
        .select({ 'payload.mediaRef': 1 })
        .lean<Array<{ payload?: { mediaRef?: unknown } }>>();
      return docs.flatMap((d) => (typeof d.payload?.mediaRef === 'string' ? [d.payload.mediaRef] : []));
    },
    async voiceNotesInUse(refs) {
      if (!refs.length) return new Set();
      const docs = await inboxMessageModel(conn)
        .find({ 'payload.mediaRef': { $in: refs } })
        .select({ 'payload.mediaRef': 1 })
        .lean<Array<{ payload?: { mediaRef?: unknown } }>>();
      return new Set(docs.flatMap((d) => (typeof d.payload?.mediaRef === 'string' ? [d.payload.mediaRef] : [])));
    },
    async recordRun(at, counts) {
      await Run.create({ at, counts });
    },
    async closedWithPhotos(before, limit) {
      const docs = await Report.find({
        status: { $in: [...CLOSED] },
        closedAt: { $lt: before },
        $or: [{ 'photoRefs.0': { $exists: true } }, { 'citizenInfo.mediaRef': { $exists: true } }, { 'confirmationsList.photoRefs.0': { $exists: true } }],
      })
        .select({ _id: 1, photoRefs: 1, citizenInfo: 1, confirmationsList: 1 })
        .limit(limit)
        .lean<Array<{ _id: unknown; photoRefs?: string[]; citizenInfo?: Array<{ mediaRef?: string }>; confirmationsList?: Array<{ photoRefs?: string[] }> }>>();
      return docs.map((d) => ({
        id: String(d._id),
        refs: [
          ...new Set([
            ...(d.photoRefs ?? []),
            ...(d.citizenInfo ?? []).flatMap((i) => (i.mediaRef ? [i.mediaRef] : [])),
            ...(d.confirmationsList ?? []).flatMap((c) => c.photoRefs ?? []),
          ]),
        ],
      }));
    },
    async clearPhotos(id, now) {
      const d = await Report.findById(id).select({ citizenInfo: 1, confirmationsList: 1 }).lean<{
        citizenInfo?: Array<Record<string, unknown>>;
        confirmationsList?: Array<Record<string, unknown>>;
      }>();
      if (!d) return;
      // Rewritten in code (as above): the texts stay, the photos go.
      const citizenInfo = (d.citizenInfo ?? []).map(({ mediaRef: _photo, ...rest }) => rest);
      const confirmationsList = (d.confirmationsList ?? []).map((c) => ({ ...c, photoRefs: [] }));
      await Report.updateOne({ _id: id }, { $set: { photoRefs: [], citizenInfo, confirmationsList, photosPurgedAt: now } });
    },
  };
}
