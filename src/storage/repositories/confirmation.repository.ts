/**
 * Confirmations of open reports ("it is the same situation") on the reports collection. Each step
 * is one idempotent update keyed by the confirming message (channel + messageId), so a retried
 * turn changes nothing twice:
 * 1. the confirmation is pushed (counted when its citizen is new to the report: neither the
 *    reporter nor an earlier confirmer), its photos join the report's, the version moves on;
 * 2. the citizen becomes a follower (once per citizen);
 * 3. a counted confirmation feeds the territory counters once (flag set after counting);
 * 4. the priority is recomputed from the updated report and stored, guarded by the version it was
 *    computed from, so concurrent confirmations end with the score of the latest state.
 */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type {
  AddConfirmationResult,
  Confirmation,
  ConfirmationStore,
  ConfirmedReportView,
  NewConfirmation,
  ReportFollower,
} from '../../domain/ports';
import { OPEN_STATUSES } from '../../domain/report';
import { reportModel, type ConfirmationEntryDocument, type FollowerDocument, type ReportDocument } from '../models/report.model';
import type { Channel } from '../../domain/message';
import { createScoreStore } from './report-rescore';
import { toReportView } from './report.repository';
import type { StatsRepository } from './stats.repository';

function toConfirmation(c: ConfirmationEntryDocument): Confirmation {
  return {
    channel: c.channel,
    messageId: c.messageId,
    at: c.at,
    citizenRef: c.citizenRef,
    language: c.language ?? 'it',
    reliability: c.reliability,
    description: c.description ?? '',
    photoRefs: c.photoRefs ?? [],
    ...(typeof c.point?.lat === 'number' && typeof c.point?.lng === 'number' ? { point: { lat: c.point.lat, lng: c.point.lng } } : {}),
    counted: c.counted !== false,
  };
}

function toFollower(f: FollowerDocument): ReportFollower {
  return { citizenRef: f.citizenRef, channel: f.channel, language: f.language ?? 'it', since: f.since };
}

export function toConfirmedReportView(d: ReportDocument): ConfirmedReportView {
  return {
    ...toReportView(d),
    confirmationsList: (d.confirmationsList ?? []).map(toConfirmation),
    followers: (d.followers ?? []).map(toFollower),
    ...(d.lastConfirmedAt ? { lastConfirmedAt: d.lastConfirmedAt } : {}),
  };
}

const sameMessage = (c: NewConfirmation) => ({ $elemMatch: { channel: String(c.channel), messageId: String(c.messageId) } });

/**
 * A confirmation as stored in a report's confirmationsList. `statsRecorded` is whether the territory
 * counters already include it (a confirmation copied by a merge never feeds them again).
 */
export const confirmationEntryDoc = (c: NewConfirmation, flags: { counted: boolean; statsRecorded: boolean }): ConfirmationEntryDocument => ({
  channel: String(c.channel) as Channel,
  messageId: String(c.messageId),
  at: c.at,
  citizenRef: String(c.citizenRef),
  language: c.language,
  reliability: c.reliability,
  description: String(c.description ?? ''),
  photoRefs: c.photoRefs.map(String),
  ...(c.point ? { point: { lat: Number(c.point.lat), lng: Number(c.point.lng) } } : {}),
  ...flags,
});

export function createConfirmationRepository(conn: Connection, stats?: StatsRepository): ConfirmationStore {
  const Report = reportModel(conn);

  const load = async (id: string) => Report.findById(id).lean<ReportDocument>();

  /** Step 1: true when this call pushed the confirmation. */
  async function push(id: string, c: NewConfirmation): Promise<boolean> {
    const open = { _id: id, status: { $in: OPEN_STATUSES }, confirmationsList: { $not: sameMessage(c) } };
    const photos = { photoRefs: { $each: c.photoRefs.map(String) } };
    const citizen = String(c.citizenRef);
    // A citizen new to the report is counted...
    const counted = await Report.updateOne(
      { ...open, citizenRef: { $ne: citizen }, 'confirmationsList.citizenRef': { $ne: citizen } },
      {
        $push: { confirmationsList: confirmationEntryDoc(c, { counted: true, statsRecorded: false }) },
        $addToSet: photos,
        $inc: { confirmations: 1, version: 1 },
        $max: { lastConfirmedAt: c.at },
      },
    );
    if (counted.modifiedCount === 1) return true;
    // ...a further message by the same citizen is kept for the police without counting again.
    const repeat = await Report.updateOne(open, {
      $push: { confirmationsList: confirmationEntryDoc(c, { counted: false, statsRecorded: false }) },
      $addToSet: photos,
      $inc: { version: 1 },
      $max: { lastConfirmedAt: c.at },
    });
    return repeat.modifiedCount === 1;
  }

  /** Step 2. */
  async function follow(id: string, c: NewConfirmation): Promise<void> {
    const follower: ReportFollower = {
      citizenRef: String(c.citizenRef),
      channel: c.channel,
      language: c.language,
      since: c.at,
    };
    // The reporter gets the updates anyway: never a follower of their own report.
    await Report.updateOne(
      { _id: id, citizenRef: { $ne: follower.citizenRef }, 'followers.citizenRef': { $ne: follower.citizenRef } },
      { $push: { followers: follower } },
    );
  }

  /** Step 3: at least once per counted confirmation (a crash between counting and the flag counts twice, never zero). */
  async function countOnce(doc: ReportDocument, c: NewConfirmation): Promise<void> {
    if (!stats) return;
    const entry = (doc.confirmationsList ?? []).find((e) => e.channel === c.channel && e.messageId === c.messageId);
    if (!entry || entry.counted === false || entry.statsRecorded) return;
    await stats.recordConfirmation(toReportView(doc));
    await Report.updateOne(
      { _id: doc._id },
      { $set: { 'confirmationsList.$[entry].statsRecorded': true } },
      { arrayFilters: [{ 'entry.channel': String(c.channel), 'entry.messageId': String(c.messageId) }] },
    );
  }

  /** Step 4: the stored score always comes from the latest version read. */
  const storeScore = createScoreStore(Report, toConfirmedReportView);

  return {
    async addConfirmation(reportId, confirmation, rescore): Promise<AddConfirmationResult> {
      if (!Types.ObjectId.isValid(reportId)) return { ok: false, reason: 'not_found' };
      const id = String(reportId);
      const added = await push(id, confirmation);
      let doc = await load(id);
      if (!doc) return { ok: false, reason: 'not_found' };
      const present = (doc.confirmationsList ?? []).some(
        (e) => e.channel === confirmation.channel && e.messageId === confirmation.messageId,
      );
      // Not pushed and not there from an earlier attempt: the report was closed (or merged) meanwhile.
      if (!present) return { ok: false, reason: 'not_open' };
      await follow(id, confirmation);
      await countOnce(doc, confirmation);
      doc = rescore ? await storeScore(id, rescore) : await load(id);
      if (!doc) return { ok: false, reason: 'not_found' };
      return { ok: true, report: toConfirmedReportView(doc), added };
    },

    async listFollowed(citizenRef, limit) {
      const docs = await Report.find({ 'followers.citizenRef': String(citizenRef) })
        .sort({ createdAt: -1, _id: -1 })
        .limit(Math.max(0, Math.floor(limit)))
        .lean<ReportDocument[]>();
      return docs.map(toReportView);
    },

    async get(reportId) {
      if (!Types.ObjectId.isValid(reportId)) return null;
      const doc = await load(String(reportId));
      return doc ? toConfirmedReportView(doc) : null;
    },
  };
}
