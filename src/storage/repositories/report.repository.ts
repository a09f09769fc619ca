import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { ApplyTransitionInput, NewReport, ReportFilter, ReportStore, ReportView } from '../../domain/ports';
import { transition, TRANSITIONS, OPEN_STATUSES } from '../../domain/report';
import { formatTicketCode } from '../../domain/ticket-code';
import { reportModel } from '../models/report.model';
import { counterModel } from '../models/counter.model';
import { isDuplicateKeyError } from './mongo-errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReportDoc = Record<string, any>;

export function toReportView(d: ReportDoc): ReportView {
  return {
    id: String(d._id),
    ticketCode: d.ticketCode,
    status: d.status,
    categoryId: d.categoryId,
    reliability: d.reliability,
    location: {
      point: { lng: d.location.coordinates[0], lat: d.location.coordinates[1] },
      address: d.address,
      zone: d.zone,
      zipcode: d.zipcode,
    },
    address: d.address,
    zone: d.zone,
    description: d.description ?? '',
    photoRefs: d.photoRefs ?? [],
    channel: d.channel,
    chatId: d.chatId,
    citizenRef: d.citizenRef,
    priority: d.priority ?? 0,
    priorityFactors: d.priorityFactors,
    language: d.language ?? 'it',
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version ?? 0,
    assignee: d.assignee,
    dispatch: d.dispatch,
    outcome: d.outcome,
    duplicateOf: d.duplicateOf,
    confirmations: d.confirmations ?? 0,
    citizenInfo: d.citizenInfo ?? [],
    takenAt: d.takenAt,
    dispatchedAt: d.dispatchedAt,
    closedAt: d.closedAt,
  };
}

/** Builds a Mongo filter from already-validated values only (callers parse user input first). */
export function reportQuery(filter: ReportFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (filter.status?.length) q.status = { $in: filter.status.map(String) };
  if (filter.categoryId?.length) q.categoryId = { $in: filter.categoryId.map(String) };
  if (filter.zone?.length) q.zone = { $in: filter.zone.map(String) };
  if (filter.channel?.length) q.channel = { $in: filter.channel.map(String) };
  if (filter.from || filter.to)
    q.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return q;
}

const TIMESTAMP_OF_ACTION: Partial<Record<ApplyTransitionInput['action'], string>> = {
  take: 'takenAt',
  dispatch: 'dispatchedAt',
  close: 'closedAt',
  reject: 'closedAt',
  mark_duplicate: 'closedAt',
};

export function createReportRepository(conn: Connection): ReportStore {
  const Report = reportModel(conn);
  const Counter = counterModel(conn);

  const nextTicketCode = async (now: Date) => {
    const year = now.getUTCFullYear();
    const c = await Counter.findOneAndUpdate(
      { _id: `ticket-${year}` },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean<{ value: number }>();
    return formatTicketCode(year, c!.value);
  };

  const get = async (id: string) => {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await Report.findById(id).lean<ReportDoc>();
    return d ? toReportView(d) : null;
  };

  return {
    async createOnce(input: NewReport) {
      const existing = await Report.findOne({ sourceMessageKey: input.sourceMessageKey }).lean<ReportDoc>();
      if (existing) return { report: toReportView(existing), created: false };
      const now = new Date();
      try {
        const doc = await Report.create({
          ticketCode: await nextTicketCode(now),
          status: 'new',
          categoryId: input.categoryId,
          reliability: input.reliability,
          location: { type: 'Point', coordinates: [input.point.lng, input.point.lat] },
          address: input.address,
          zone: input.zone,
          zipcode: input.zipcode,
          description: input.description,
          photoRefs: input.photoRefs,
          channel: input.channel,
          chatId: input.chatId,
          citizenRef: input.citizenRef,
          language: input.language,
          priority: input.priority,
          priorityFactors: input.priorityFactors,
          sourceMessageKey: input.sourceMessageKey,
        });
        return { report: toReportView(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const again = await Report.findOne({ sourceMessageKey: input.sourceMessageKey }).lean<ReportDoc>();
        if (!again) throw err;
        return { report: toReportView(again), created: false };
      }
    },
    get,
    async getByTicket(ticketCode) {
      const d = await Report.findOne({ ticketCode: String(ticketCode) }).lean<ReportDoc>();
      return d ? toReportView(d) : null;
    },
    async listByCitizen(citizenRef, limit) {
      const docs = await Report.find({ citizenRef: String(citizenRef) }).sort({ createdAt: -1 }).limit(limit).lean<ReportDoc[]>();
      return docs.map(toReportView);
    },
    async list(filter, page) {
      const q = reportQuery(filter);
      const sort: Record<string, 1 | -1> = page.sort === 'priority' ? { priority: -1, createdAt: 1 } : { createdAt: -1 };
      const [docs, total] = await Promise.all([
        Report.find(q).sort(sort).skip(page.offset).limit(page.limit).lean<ReportDoc[]>(),
        Report.countDocuments(q),
      ]);
      return { items: docs.map(toReportView), total };
    },
    async countByStatus(filter) {
      const rows = await Report.aggregate<{ _id: string; n: number }>([
        { $match: reportQuery(filter) },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]);
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
    async applyTransition({ id, action, expectedVersion, set }) {
      const current = await get(id);
      if (!current) return { ok: false, reason: 'not_found', message: 'report not found' };
      const check = transition(current.status, action);
      if (!check.ok) return { ok: false, reason: 'not_allowed', message: check.reason, current };
      if (expectedVersion !== undefined && expectedVersion !== current.version)
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current };
      const now = new Date();
      const tsField = TIMESTAMP_OF_ACTION[action];
      // The filter repeats the allowed source statuses (and the version): the move is atomic, so two
      // agents taking the same report cannot both win.
      const updated = await Report.findOneAndUpdate(
        { _id: current.id, status: { $in: TRANSITIONS[action].from }, version: current.version },
        { $set: { status: check.to, ...(set ?? {}), ...(tsField ? { [tsField]: now } : {}) }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean<ReportDoc>();
      if (!updated) {
        const latest = await get(id);
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current: latest ?? undefined };
      }
      return { ok: true, report: toReportView(updated), from: current.status };
    },
    async addPhoto(id, mediaRef) {
      await Report.updateOne({ _id: id }, { $push: { photoRefs: mediaRef }, $inc: { version: 1 } });
    },
    async findAwaitingInfo(citizenRef) {
      const d = await Report.findOne({ citizenRef: String(citizenRef), status: 'needs_info' }).sort({ updatedAt: -1 }).lean<ReportDoc>();
      return d ? toReportView(d) : null;
    },
    async addCitizenInfo(id, info) {
      // Keyed by the message: a retried job does not attach the same answer twice.
      await Report.updateOne(
        { _id: id, 'citizenInfo.messageId': { $ne: info.messageId } },
        { $push: { citizenInfo: info, ...(info.mediaRef ? { photoRefs: info.mediaRef } : {}) }, $inc: { version: 1 } },
      );
    },
    async findOpenNear(point, categoryId, radiusMeters, since) {
      const docs = await Report.find({
        categoryId: String(categoryId),
        status: { $in: OPEN_STATUSES },
        createdAt: { $gte: since },
        location: { $near: { $geometry: { type: 'Point', coordinates: [point.lng, point.lat] }, $maxDistance: radiusMeters } },
      })
        .limit(5)
        .lean<ReportDoc[]>();
      return docs.map(toReportView);
    },
  };
}
