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
      const docs = await Audit.find({ reportId: String(reportId) }).sort({ at: 1 }).lean<Array<AuditEntry & { at: Date }>>();
      return docs.map(({ actor, actorRole, action, reason, reportId: r, details, requestId, at }) => ({
        actor,
        actorRole,
        action,
        ...(reason ? { reason } : {}),
        reportId: r,
        details,
        ...(requestId ? { requestId } : {}),
        at,
      }));
    },
  };
}
