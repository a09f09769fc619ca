import type { Connection } from 'mongoose';
import type { AuditEntry, AuditLog } from '../../domain/ports';
import { auditEventModel } from '../models/audit-event.model';

export function createAuditRepository(conn: Connection): AuditLog {
  const Audit = auditEventModel(conn);
  return {
    async record(entry) {
      await Audit.create({ ...entry, at: new Date() });
    },
    async listForReport(reportId) {
      const docs = await Audit.find({ reportId: String(reportId) })
        .sort({ at: 1 })
        .lean<Array<AuditEntry & { at: Date }>>();
      return docs.map(toEntry);
    },
    async search(q) {
      const filter: Record<string, unknown> = { action: { $in: [...q.actions] } };
      if (q.actor) filter.actor = q.actor;
      if (q.reportId) filter.reportId = q.reportId;
      if (q.from || q.to) filter.at = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lt: q.to } : {}) };
      const docs = await Audit.find(filter).sort({ at: -1 }).limit(q.limit).lean<Array<AuditEntry & { at: Date }>>();
      return docs.map(toEntry);
    },
  };
}

/** An audit document as the port returns it (shared with the in-memory adapter). */
export const toEntry = ({ actor, actorRole, action, reason, reportId: r, details, requestId, at }: AuditEntry & { at: Date }) => ({
  actor,
  actorRole,
  action,
  ...(reason ? { reason } : {}),
  reportId: r,
  details,
  ...(requestId ? { requestId } : {}),
  at,
});
