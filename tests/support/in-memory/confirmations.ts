/**
 * In-memory ConfirmationStore: confirmation.repository.ts's steps (push once per channel+messageId,
 * counted once per citizen, photos added once, follower once, rescore from the latest state) on the
 * reports of a MemoryDb. Territory counters are not kept.
 */
import type { ConfirmationStore, ConfirmedReportView, NewConfirmation } from '../../../src/domain/ports';
import { OPEN_STATUSES } from '../../../src/domain/report';
import type { ReportDocument } from '../../../src/storage/models/report.model';
import { confirmationEntryDoc, toConfirmedReportView } from '../../../src/storage/repositories/confirmation.repository';
import { toReportView } from '../../../src/storage/repositories/report.repository';
import { copyDoc, isObjectId, type MemoryDb } from './memory-db';

const sameMessage = (d: ReportDocument, c: NewConfirmation) =>
  (d.confirmationsList ?? []).some((e) => e.channel === c.channel && e.messageId === c.messageId);

export function createInMemoryConfirmationStore(db: MemoryDb): ConfirmationStore {
  const view = (d: ReportDocument): ConfirmedReportView => toConfirmedReportView(copyDoc(d));

  /** Step 1 of the repository: true when this call pushed the confirmation. */
  function push(d: ReportDocument, c: NewConfirmation): boolean {
    if (!OPEN_STATUSES.includes(d.status) || sameMessage(d, c)) return false;
    const citizen = String(c.citizenRef);
    const counted = d.citizenRef !== citizen && !(d.confirmationsList ?? []).some((e) => e.citizenRef === citizen);
    d.confirmationsList = [...(d.confirmationsList ?? []), copyDoc(confirmationEntryDoc(c, { counted, statsRecorded: false }))];
    const photos = d.photoRefs ?? [];
    for (const ref of c.photoRefs.map(String)) if (!photos.includes(ref)) photos.push(ref);
    d.photoRefs = photos;
    if (counted) d.confirmations = (d.confirmations ?? 0) + 1;
    d.version = (d.version ?? 0) + 1;
    if (!d.lastConfirmedAt || c.at.getTime() > d.lastConfirmedAt.getTime()) d.lastConfirmedAt = new Date(c.at.getTime());
    d.updatedAt = new Date();
    return true;
  }

  /** Step 2. */
  function follow(d: ReportDocument, c: NewConfirmation): void {
    const citizenRef = String(c.citizenRef);
    if (d.citizenRef === citizenRef || (d.followers ?? []).some((f) => f.citizenRef === citizenRef)) return;
    d.followers = [...(d.followers ?? []), { citizenRef, channel: c.channel, language: c.language, since: new Date(c.at.getTime()) }];
    d.updatedAt = new Date();
  }

  return {
    async addConfirmation(reportId, confirmation, rescore) {
      if (!isObjectId(reportId)) return { ok: false, reason: 'not_found' };
      const d = db.reports.get(reportId);
      if (!d) return { ok: false, reason: 'not_found' };
      const added = push(d, confirmation);
      // Not pushed and not there from an earlier attempt: the report was closed (or merged) meanwhile.
      if (!sameMessage(d, confirmation)) return { ok: false, reason: 'not_open' };
      follow(d, confirmation);
      if (rescore) {
        const { score, factors } = rescore(view(d));
        d.priority = score;
        d.priorityFactors = { ...factors };
        d.updatedAt = new Date();
      }
      return { ok: true, report: view(d), added };
    },
    async get(reportId) {
      if (!isObjectId(reportId)) return null;
      const d = db.reports.get(reportId);
      return d ? view(d) : null;
    },
    async listFollowed(citizenRef, limit) {
      const ref = String(citizenRef);
      return [...db.reports.values()]
        .filter((d) => (d.followers ?? []).some((f) => f.citizenRef === ref))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || String(b._id).localeCompare(String(a._id)))
        .slice(0, Math.max(0, Math.floor(limit)))
        .map((d) => toReportView(copyDoc(d)));
    },
  };
}
