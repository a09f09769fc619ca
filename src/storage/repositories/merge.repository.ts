/**
 * Merging a duplicate report into the original (see ReportMergeStore and src/domain/report-merge.ts):
 * one update of the original, guarded by the version the plan was made from and by the duplicate's
 * own entry not being there yet, so a retry or a concurrent confirmation never adds anything twice.
 * The duplicate keeps everything it had: the original gains copies. `unmerge` takes them out again
 * (same guards) when the duplicate is reopened.
 */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { Confirmation, MergeResult, ReportMergeStore } from '../../domain/ports';
import { alreadyMerged, confirmationKey, mergedMessageId, planMerge, planUnmerge, recount } from '../../domain/report-merge';
import { reportModel, type ConfirmationEntryDocument, type ReportDocument } from '../models/report.model';
import { createScoreStore } from './report-rescore';
import { confirmationEntryDoc, toConfirmedReportView } from './confirmation.repository';

/** Attempts against concurrent changes of the original (each re-reads it and plans again). */
const MERGE_ATTEMPTS = 5;

/** A copied entry never feeds the territory counters again: the duplicate was counted as a report. */
const entryDoc = (c: Confirmation) => confirmationEntryDoc(c, { counted: c.counted, statsRecorded: true });

export function createMergeRepository(conn: Connection): ReportMergeStore {
  const Report = reportModel(conn);
  const load = (id: string) => Report.findById(id).lean<ReportDocument>();

  const storeScore = createScoreStore(Report, toConfirmedReportView);

  return {
    async mergeInto(duplicateId, originalId, rescore): Promise<MergeResult> {
      if (!Types.ObjectId.isValid(duplicateId) || !Types.ObjectId.isValid(originalId)) return { ok: false, reason: 'not_found' };
      const dupId = String(duplicateId);
      const origId = String(originalId);
      if (dupId === origId) return { ok: false, reason: 'same_report' };
      const dupDoc = await load(dupId);
      if (!dupDoc) return { ok: false, reason: 'not_found' };
      const duplicate = toConfirmedReportView(dupDoc);

      for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
        const origDoc = await load(origId);
        if (!origDoc) return { ok: false, reason: 'not_found' };
        const original = toConfirmedReportView(origDoc);
        if (alreadyMerged(original, duplicate))
          return { ok: true, report: original, merged: false, added: { confirmations: 0, followers: 0, photos: 0 } };

        const plan = planMerge(original, duplicate, new Date());
        const latest = plan.confirmations.reduce((max, c) => (c.at > max ? c.at : max), plan.confirmations[0].at);
        const ownEntry = { channel: String(duplicate.channel), messageId: mergedMessageId(duplicate.ticketCode) };
        const updated = await Report.findOneAndUpdate(
          { _id: origId, version: original.version, confirmationsList: { $not: { $elemMatch: ownEntry } } },
          {
            $push: {
              confirmationsList: { $each: plan.confirmations.map(entryDoc) },
              followers: { $each: plan.followers },
              citizenInfo: { $each: plan.citizenInfo },
            },
            $addToSet: { photoRefs: { $each: plan.photoRefs } },
            $inc: { confirmations: plan.counted, version: 1 },
            $max: { lastConfirmedAt: latest },
          },
          { returnDocument: 'after' },
        ).lean<ReportDocument>();
        if (!updated) continue; // changed meanwhile (or merged by a concurrent call): plan again
        const stored = rescore ? await storeScore(origId, rescore) : updated;
        return {
          ok: true,
          report: toConfirmedReportView(stored ?? updated),
          merged: true,
          added: { confirmations: plan.counted, followers: plan.followers.length, photos: plan.photoRefs.length },
        };
      }
      throw new Error(`merging report ${dupId} into ${origId}: the original kept changing, try again`);
    },

    async unmerge(duplicateId, originalId, rescore) {
      if (!Types.ObjectId.isValid(duplicateId) || !Types.ObjectId.isValid(originalId)) return { ok: false, reason: 'not_found' };
      const origId = String(originalId);
      const dupDoc = await load(String(duplicateId));
      if (!dupDoc) return { ok: false, reason: 'not_found' };
      const duplicate = toConfirmedReportView(dupDoc);
      for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
        const origDoc = await load(origId);
        if (!origDoc) return { ok: false, reason: 'not_found' };
        const original = toConfirmedReportView(origDoc);
        const plan = planUnmerge(original, duplicate);
        if (!plan) return { ok: true, report: original, unmerged: false };
        // Raw entries, so fields the view leaves out (statsRecorded) are kept as stored.
        const entries = recount<ConfirmationEntryDocument>(
          (origDoc.confirmationsList ?? []).filter(
            (e) => !plan.entryKeys.has(confirmationKey(e)),
          ),
          original.citizenRef,
        );
        const latest = entries.reduce<Date | undefined>((max, e) => (!max || e.at > max ? e.at : max), undefined);
        const updated = await Report.findOneAndUpdate(
          { _id: origId, version: original.version },
          {
            $set: {
              confirmationsList: entries,
              confirmations: entries.filter((e) => e.counted).length,
              followers: (origDoc.followers ?? []).filter((f) => !plan.followers.has(f.citizenRef)),
              photoRefs: original.photoRefs.filter((ref) => !plan.photoRefs.has(ref)),
              citizenInfo: (origDoc.citizenInfo ?? []).filter((i) => !plan.citizenInfoIds.has(i.messageId)),
              ...(latest ? { lastConfirmedAt: latest } : {}),
            },
            ...(latest ? {} : { $unset: { lastConfirmedAt: 1 } }),
            $inc: { version: 1 },
          },
          { returnDocument: 'after' },
        ).lean<ReportDocument>();
        if (!updated) continue;
        const stored = rescore ? await storeScore(origId, rescore) : updated;
        return { ok: true, report: toConfirmedReportView(stored ?? updated), unmerged: true };
      }
      throw new Error(`unmerging report ${duplicateId} from ${origId}: the original kept changing, try again`);
    },
  };
}
