import type { ClientSession, Connection } from 'mongoose';
import { Types } from 'mongoose';
import type {
  ApplyTransitionInput,
  AuditEntry,
  NewReport,
  ReportFilter,
  ReportPageRequest,
  ReportStore,
  ReportView,
} from '../../domain/ports';
import { transition, OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../../domain/report';
import { auditEventModel } from '../models/audit-event.model';
import { formatTicketCode, ticketYear } from '../../domain/ticket-code';
import { reportModel, type ReportDocument } from '../models/report.model';
import { counterModel } from '../models/counter.model';
import { isDuplicateKeyError } from './mongo-errors';
import type { StatsRepository } from './stats.repository';

/** The stored fields of a new report (status new), from what the dialog submitted: one shape for every store. */
export function newReportFields(input: NewReport) {
  return {
    status: 'new' as const,
    categoryId: input.categoryId,
    reliability: input.reliability,
    location: { type: 'Point' as const, coordinates: [input.point.lng, input.point.lat] as [number, number] },
    address: input.address,
    zone: input.zone,
    zipcode: input.zipcode,
    description: input.description,
    photoRefs: input.photoRefs,
    channel: input.channel,
    citizenRef: input.citizenRef,
    language: input.language,
    priority: input.priority,
    priorityFactors: input.priorityFactors,
    sourceMessageKey: input.sourceMessageKey,
    ...(input.abuseFlags?.length ? { abuseFlags: input.abuseFlags } : {}),
    ...(input.observedWhen ? { observedWhen: input.observedWhen } : {}),
    ...(input.followUpOf ? { followUpOf: input.followUpOf } : {}),
  };
}

export function toReportView(d: ReportDocument): ReportView {
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
    citizenRef: d.citizenRef,
    priority: d.priority ?? 0,
    priorityFactors: d.priorityFactors,
    language: d.language ?? 'it',
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version ?? 0,
    assignee: d.assignee,
    team: d.team,
    dispatch: d.dispatch,
    outcome: d.outcome,
    duplicateOf: d.duplicateOf,
    confirmations: d.confirmations ?? 0,
    citizenInfo: d.citizenInfo ?? [],
    takenAt: d.takenAt,
    dispatchedAt: d.dispatchedAt,
    closedAt: d.closedAt,
    ...(d.citizenRights?.length ? { citizenRights: d.citizenRights } : {}),
    ...(d.citizenOptedOut ? { citizenOptedOut: true } : {}),
    ...(d.sourceMessageKey ? { sourceMessageKey: d.sourceMessageKey } : {}),
    ...(d.abuseFlags?.length ? { abuseFlags: d.abuseFlags } : {}),
    ...(d.observedWhen?.text ? { observedWhen: d.observedWhen } : {}),
    ...(d.resolutionCheck?.askedAt ? { resolutionCheck: d.resolutionCheck } : {}),
    ...(d.followUpOf ? { followUpOf: d.followUpOf } : {}),
  };
}

/** Builds a Mongo filter from already-validated values only (callers parse user input first). */
export function reportQuery(filter: ReportFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  // A single value is an equality, not a one-element $in: some query planners only use an index then.
  const oneOrIn = (vs: readonly string[]) => (vs.length === 1 ? String(vs[0]) : { $in: vs.map(String) });
  if (filter.status?.length) q.status = oneOrIn(filter.status);
  if (filter.categoryId?.length) q.categoryId = oneOrIn(filter.categoryId);
  if (filter.zone?.length) q.zone = oneOrIn(filter.zone);
  if (filter.channel?.length) q.channel = oneOrIn(filter.channel);
  if (filter.from || filter.to) q.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  // null: nobody holds it (the field is missing or null).
  if (filter.assignee !== undefined) q.assignee = filter.assignee === null ? null : String(filter.assignee);
  if (filter.team) q.team = String(filter.team);
  return q;
}

/** A filter per requested status: the queue reads one status at a time (see listItems). */
function splitByStatus(filter: ReportFilter): ReportFilter[] {
  return filter.status && filter.status.length > 1 ? filter.status.map((status) => ({ ...filter, status: [status] })) : [filter];
}

export const byPriority = (a: ReportDocument, b: ReportDocument) =>
  (b.priority ?? 0) - (a.priority ?? 0) || a.createdAt.getTime() - b.createdAt.getTime() || String(a._id).localeCompare(String(b._id));
export const byNewest = (a: ReportDocument, b: ReportDocument) =>
  b.createdAt.getTime() - a.createdAt.getTime() || String(b._id).localeCompare(String(a._id));

type Criterion = 'categoryId' | 'zone' | 'channel' | 'createdAt' | 'assignee' | 'team';

/** The criteria of a filter besides status, in the order their indexes are preferred. */
function criteriaOf(filter: ReportFilter): Criterion[] {
  const out: Criterion[] = [];
  if (filter.categoryId?.length) out.push('categoryId');
  if (filter.zone?.length) out.push('zone');
  if (filter.channel?.length) out.push('channel');
  if (filter.from || filter.to) out.push('createdAt');
  if (filter.assignee !== undefined) out.push('assignee');
  if (filter.team) out.push('team');
  return out;
}

/** The same test as reportQuery's, on a read document. */
function matches(d: ReportDocument, filter: ReportFilter, criterion: Criterion): boolean {
  if (criterion === 'createdAt') {
    const at = d.createdAt instanceof Date ? d.createdAt.getTime() : NaN;
    return (!filter.from || at >= filter.from.getTime()) && (!filter.to || at < filter.to.getTime());
  }
  if (criterion === 'assignee') return filter.assignee === null ? !d.assignee : d.assignee === filter.assignee;
  if (criterion === 'team') return d.team === filter.team;
  const allowed = filter[criterion] as readonly string[];
  const value = d[criterion];
  return value !== undefined && allowed.includes(value);
}

/** Past this many rows per status, a page is read with one $in query instead of one query per status. */
const MAX_MERGED_ROWS = 2_000;
/** The first window of newestOfStatus, in days (then x4 each time: 4 weeks, 16 weeks, ~15 months, ~5 years, all). */
const NEWEST_WINDOW_DAYS = 7;

export const TIMESTAMP_OF_ACTION: Partial<Record<ApplyTransitionInput['action'], string>> = {
  take: 'takenAt',
  dispatch: 'dispatchedAt',
  close: 'closedAt',
  reject: 'closedAt',
  mark_duplicate: 'closedAt',
};

/** A status move's audit entry as stored: its _id (report + new version) makes writing it idempotent. */
type TransitionAuditDoc = AuditEntry & { _id: string; at: Date; reason?: string };

export function transitionAuditDoc(
  input: ApplyTransitionInput,
  move: { from: ReportStatus; to: ReportStatus; version: number; at: Date },
): TransitionAuditDoc {
  return {
    _id: `transition:${input.id}:${move.version}`,
    at: move.at,
    actor: input.actor,
    ...(input.actorRole ? { actorRole: input.actorRole } : {}),
    action: input.action,
    reportId: input.id,
    ...(input.reason ? { reason: input.reason } : {}),
    details: { from: move.from, to: move.to, version: move.version, ...(input.details ?? {}) },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
}

export type ReportRepositoryOptions = {
  /** The municipality's time zone: the year in a ticket code is its calendar year. */
  timeZone?: string;
  /** The clock (tests set it to meet a new year). */
  now?: () => Date;
};

export function createReportRepository(conn: Connection, stats?: StatsRepository, opts: ReportRepositoryOptions = {}): ReportStore {
  const timeZone = opts.timeZone ?? 'Europe/Rome';
  const clock = opts.now ?? (() => new Date());
  const Report = reportModel(conn);
  const Counter = counterModel(conn);
  const Audit = auditEventModel(conn);

  const recordTransitionAudit = async (entry: TransitionAuditDoc, session?: ClientSession) => {
    const { _id, ...fields } = entry;
    await Audit.collection.updateOne({ _id: _id as never }, { $setOnInsert: fields }, { upsert: true, ...(session ? { session } : {}) });
  };

  /** Transactions need a replica set (or a sharded cluster); asked once per connection. */
  let transactions: Promise<boolean> | undefined;
  const supportsTransactions = () =>
    (transactions ??= (async () => {
      try {
        const hello = await conn.db!.admin().command({ hello: 1 });
        return Boolean(hello.setName) || hello.msg === 'isdbgrid';
      } catch {
        return false;
      }
    })());

  /**
   * Feeds the counters once per report: the flag is set only after the counters were incremented,
   * so a retry after a crash in between counts the report (at worst twice, never zero times).
   */
  const countCreated = async (view: ReportView, recorded: boolean) => {
    if (!stats || recorded) return;
    await stats.recordCreated(view);
    await Report.updateOne({ _id: view.id }, { $set: { statsRecorded: true } });
  };

  const nextTicketCode = async (now: Date) => {
    const year = ticketYear(now, timeZone);
    const c = await Counter.findOneAndUpdate(
      { _id: `ticket-${year}` },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean<{ value: number }>();
    return formatTicketCode(year, c!.value);
  };

  /**
   * An open status with two or more criteria: the candidates come through the index of one
   * criterion (open reports are few) and the other criteria are checked here, because some
   * MongoDB-wire servers (the embedded one) scan the whole collection for a query that no single
   * index prefix covers. Only the sort and filter fields are read.
   */
  const openCandidates = async (part: ReportFilter) => {
    const [first, ...others] = criteriaOf(part);
    const indexed: ReportFilter =
      first === 'createdAt' ? { status: part.status, from: part.from, to: part.to } : { status: part.status, [first]: part[first] };
    const docs = await Report.find(reportQuery(indexed))
      .select({ priority: 1, createdAt: 1, categoryId: 1, zone: 1, channel: 1, assignee: 1, team: 1 })
      .lean<ReportDocument[]>();
    return docs.filter((d) => others.every((c) => matches(d, part, c)));
  };
  const viaCandidates = (part: ReportFilter) =>
    part.status?.length === 1 && OPEN_STATUSES.includes(part.status[0]) && criteriaOf(part).length >= 2;

  /**
   * The newest `rows` reports of one status (and maybe a date range), read through a window of
   * recent days on the { status, createdAt } index that widens until it holds enough rows: the same
   * rows as the plain sorted query (everything outside the window is older than all inside it), but
   * the embedded MongoDB-wire server fetches and sorts a week of a finished status instead of all
   * of its years (100 ms and more at 100,000 reports, for every archive page read).
   */
  const newestOfStatus = async (part: ReportFilter, rows: number) => {
    const now = clock().getTime();
    for (let days = NEWEST_WINDOW_DAYS; ; days *= 4) {
      const since = new Date(now - days * 86_400_000);
      const last = days > 4 * 365 || (part.from !== undefined && part.from >= since);
      const windowed = last ? part : { ...part, from: since };
      const docs = await Report.find(reportQuery(windowed)).sort({ createdAt: -1 }).limit(rows).lean<ReportDocument[]>();
      if (docs.length >= rows || last) return docs;
    }
  };
  /** A part read with newestOfStatus: newest first, one status, no criterion but dates (the window's index has no other field). */
  const windowable = (part: ReportFilter, page: ReportPageRequest) =>
    page.sort === 'newest' && part.status?.length === 1 && criteriaOf(part).every((c) => c === 'createdAt');

  /**
   * One page of the queue. With several statuses, each status is read on its own (an equality on
   * the first field of the queue indexes, which every MongoDB-wire server can use, the embedded
   * one included) and the sorted pieces are merged: same rows, same order as one $in query.
   */
  const listItems = async (filter: ReportFilter, page: ReportPageRequest) => {
    const sort: Record<string, 1 | -1> = page.sort === 'priority' ? { priority: -1, createdAt: 1 } : { createdAt: -1 };
    const compare = page.sort === 'priority' ? byPriority : byNewest;
    const rows = page.offset + page.limit;
    const parts = rows <= MAX_MERGED_ROWS ? splitByStatus(filter) : [filter];
    if (parts.length === 1 && !viaCandidates(parts[0]) && !windowable(parts[0], page)) {
      const docs = await Report.find(reportQuery(filter)).sort(sort).skip(page.offset).limit(page.limit).lean<ReportDocument[]>();
      return docs.map(toReportView);
    }
    const pieces = await Promise.all(
      parts.map(async (part) =>
        viaCandidates(part)
          ? (await openCandidates(part)).sort(compare).slice(0, rows)
          : windowable(part, page)
            ? newestOfStatus(part, rows)
            : Report.find(reportQuery(part)).sort(sort).limit(rows).lean<ReportDocument[]>(),
      ),
    );
    const pageDocs = pieces.flat().sort(compare).slice(page.offset, rows);
    // Candidates carry only their sort and filter fields: read the whole reports of this page.
    const partial = pageDocs.filter((d) => d.ticketCode === undefined).map((d) => d._id);
    const full = partial.length ? await Report.find({ _id: { $in: partial } }).lean<ReportDocument[]>() : [];
    const byId = new Map(full.map((d) => [String(d._id), d]));
    return pageDocs
      .map((d) => (d.ticketCode === undefined ? byId.get(String(d._id)) : d))
      .filter((d): d is ReportDocument => Boolean(d))
      .map(toReportView);
  };

  /** Reports per status, one indexed count per status. */
  const countByStatus = async (filter: ReportFilter): Promise<Record<string, number>> => {
    const statuses = filter.status?.length ? filter.status : REPORT_STATUSES;
    const counts = await Promise.all(
      statuses.map((status) => {
        const part = { ...filter, status: [status] };
        return viaCandidates(part) ? openCandidates(part).then((c) => c.length) : Report.countDocuments(reportQuery(part));
      }),
    );
    const out: Record<string, number> = {};
    statuses.forEach((status, i) => {
      if (counts[i]) out[status] = counts[i];
    });
    return out;
  };

  const get = async (id: string) => {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await Report.findById(id).lean<ReportDocument>();
    return d ? toReportView(d) : null;
  };

  return {
    async createOnce(input: NewReport) {
      const existing = await Report.findOne({ sourceMessageKey: input.sourceMessageKey }).lean<ReportDocument>();
      if (existing) {
        await countCreated(toReportView(existing), Boolean(existing.statsRecorded));
        return { report: toReportView(existing), created: false };
      }
      const now = clock();
      try {
        const doc = await Report.create({
          ticketCode: await nextTicketCode(now),
          ...newReportFields(input),
        });
        const view = toReportView(doc.toObject());
        await countCreated(view, false);
        return { report: view, created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const again = await Report.findOne({ sourceMessageKey: input.sourceMessageKey }).lean<ReportDocument>();
        if (!again) throw err;
        return { report: toReportView(again), created: false };
      }
    },
    get,
    async getByTicket(ticketCode) {
      const d = await Report.findOne({ ticketCode: String(ticketCode) }).lean<ReportDocument>();
      return d ? toReportView(d) : null;
    },
    async listByCitizen(citizenRef, limit) {
      const docs = await Report.find({ citizenRef: String(citizenRef) })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<ReportDocument[]>();
      return docs.map(toReportView);
    },
    async list(filter, page) {
      const [items, total] = await Promise.all([listItems(filter, page), Report.countDocuments(reportQuery(filter))]);
      return { items, total };
    },
    listItems,
    countByStatus,
    async applyTransition(input) {
      const { id, action, expectedVersion, set } = input;
      if (!Types.ObjectId.isValid(id)) return { ok: false, reason: 'not_found', message: 'report not found' };
      const doc = await Report.findById(id).lean<ReportDocument>();
      if (!doc) return { ok: false, reason: 'not_found', message: 'report not found' };
      // The previous move's entry, in case a crash came between that move and its entry (idempotent).
      if (doc.lastTransition) await recordTransitionAudit(doc.lastTransition as TransitionAuditDoc);
      const current = toReportView(doc);
      const check = transition(current.status, action);
      if (!check.ok) return { ok: false, reason: 'not_allowed', message: check.reason, current };
      if (expectedVersion !== undefined && expectedVersion !== current.version)
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current };
      const now = new Date();
      const tsField = TIMESTAMP_OF_ACTION[action];
      const entry = transitionAuditDoc(input, { from: current.status, to: check.to, version: current.version + 1, at: now });
      // The filter repeats the status read (one the action may start from) and the version: the move
      // is atomic, so two agents taking the same report cannot both win. The audit entry rides on the
      // move itself. A field set to undefined is removed (handing a report back clears its assignee).
      const toSet = Object.fromEntries(Object.entries(set ?? {}).filter(([, v]) => v !== undefined));
      const toUnset = Object.fromEntries(
        Object.entries(set ?? {})
          .filter(([, v]) => v === undefined)
          .map(([k]) => [k, 1]),
      );
      // Equality on the status read (it is one of TRANSITIONS[action].from, checked above): the
      // filter then goes through the { _id, status, version } index on every MongoDB-wire server.
      const unchanged = { _id: current.id, status: current.status, version: current.version };
      const change = {
        $set: { status: check.to, ...toSet, ...(tsField ? { [tsField]: now } : {}), lastTransition: entry },
        ...(Object.keys(toUnset).length ? { $unset: toUnset } : {}),
        $inc: { version: 1 },
      };
      let updated: ReportDocument | null;
      if (await supportsTransactions()) {
        const session = await conn.startSession();
        try {
          updated = null;
          // updateOne and a read by _id inside the transaction (which sees its own write) instead of
          // findOneAndUpdate: same result, and the embedded server answers it in ~1 ms instead of ~15.
          await session.withTransaction(async () => {
            updated = null;
            const moved = await Report.updateOne(unchanged, change, { session });
            if (moved.modifiedCount !== 1) return;
            updated = await Report.findById(current.id, undefined, { session }).lean<ReportDocument>();
            await recordTransitionAudit(entry, session);
          });
        } finally {
          await session.endSession();
        }
      } else {
        updated = await Report.findOneAndUpdate(unchanged, change, { returnDocument: 'after' }).lean<ReportDocument>();
        if (updated) await recordTransitionAudit(entry);
      }
      if (!updated) {
        const latest = await get(id);
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current: latest ?? undefined };
      }
      const report = toReportView(updated);
      // Counters are best effort for transitions: the move itself already happened.
      await stats?.recordTransition(report, action, now).catch(() => undefined);
      return { ok: true, report, from: current.status };
    },
    async addPhoto(id, mediaRef) {
      await Report.updateOne({ _id: id }, { $push: { photoRefs: mediaRef }, $inc: { version: 1 } });
    },
    async findAwaitingInfo(citizenRef) {
      const d = await Report.findOne({ citizenRef: String(citizenRef), status: 'needs_info' })
        .sort({ updatedAt: -1 })
        .lean<ReportDocument>();
      return d ? toReportView(d) : null;
    },
    async addCitizenInfo(id, info) {
      // Keyed by the message: a retried job does not attach the same answer twice.
      await Report.updateOne(
        { _id: id, 'citizenInfo.messageId': { $ne: info.messageId } },
        { $push: { citizenInfo: info, ...(info.mediaRef ? { photoRefs: info.mediaRef } : {}) }, $inc: { version: 1 } },
      );
    },
    async markResolutionAsked(id, at) {
      await Report.updateOne({ _id: id }, { $set: { resolutionCheck: { askedAt: at } } });
    },
    async findAwaitingResolution(citizenRef, since) {
      const d = await Report.findOne({
        citizenRef: String(citizenRef),
        status: 'closed',
        'resolutionCheck.askedAt': { $gte: since },
        'resolutionCheck.answer': { $exists: false },
      })
        .sort({ 'resolutionCheck.askedAt': -1 })
        .lean<ReportDocument>();
      return d ? toReportView(d) : null;
    },
    async recordResolutionAnswer(id, input) {
      // Once: a second answer (or a retry) finds the answer already there and changes nothing.
      const d = await Report.findOneAndUpdate(
        { _id: id, 'resolutionCheck.askedAt': { $exists: true }, 'resolutionCheck.answer': { $exists: false } },
        {
          $set: {
            'resolutionCheck.answer': input.answer,
            'resolutionCheck.answeredAt': input.at,
            'resolutionCheck.messageId': input.messageId,
          },
        },
        { returnDocument: 'after' },
      ).lean<ReportDocument>();
      if (!d) return null;
      const view = toReportView(d);
      await stats?.recordResolution(view, input.answer).catch(() => undefined);
      return view;
    },
    async setResolutionResult(id, result, followUp) {
      await Report.updateOne(
        { _id: id },
        { $set: { 'resolutionCheck.result': result, ...(followUp ? { 'resolutionCheck.followUp': followUp } : {}) } },
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
        .lean<ReportDocument[]>();
      return docs.map(toReportView);
    },
  };
}
