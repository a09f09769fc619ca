/** In-memory AuditLog: audit.repository.ts on a MemoryDb (append-only, stamped with the real time). */
import type { AuditLog } from '../../../src/domain/ports';
import { toEntry } from '../../../src/storage/repositories/audit.repository';
import { copyDoc, type AuditDocument, type MemoryDb } from './memory-db';

export function createInMemoryAuditLog(db: MemoryDb): AuditLog {
  const entries = () => [...db.audit.values()];
  const view = (d: AuditDocument) => toEntry(copyDoc(d));
  return {
    async record(entry) {
      const doc: AuditDocument = copyDoc({ ...entry, _id: db.newId(), at: new Date() });
      db.audit.set(doc._id, doc);
    },
    async listForReport(reportId) {
      return entries()
        .filter((e) => e.reportId === String(reportId))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id))
        .map(view);
    },
    async search(q) {
      return entries()
        .filter(
          (e) =>
            q.actions.includes(e.action) &&
            (!q.actor || e.actor === q.actor) &&
            (!q.reportId || e.reportId === q.reportId) &&
            (!q.from || e.at.getTime() >= q.from.getTime()) &&
            (!q.to || e.at.getTime() < q.to.getTime()),
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b._id.localeCompare(a._id))
        .slice(0, q.limit)
        .map(view);
    },
  };
}
