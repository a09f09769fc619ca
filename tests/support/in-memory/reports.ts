/**
 * In-memory ReportStore: the behaviour of src/storage/repositories/report.repository.ts (ticket
 * sequence per year in the municipality's time zone, once per sourceMessageKey, the state table and
 * version guard, the audit entry keyed by report + version) on a MemoryDb. Territory counters
 * (stats) are not kept: the dialog does not read them.
 */
import type { GeoPoint } from '../../../src/domain/message';
import type { ApplyTransitionInput, ReportFilter, ReportPageRequest, ReportStore, ReportView, ResolutionCheck } from '../../../src/domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES, transition, TRANSITIONS } from '../../../src/domain/report';
import { formatTicketCode, ticketYear } from '../../../src/domain/ticket-code';
import type { ReportDocument, TransitionAuditDocument } from '../../../src/storage/models/report.model';
import {
  byNewest,
  newReportFields,
  byPriority,
  TIMESTAMP_OF_ACTION,
  toReportView,
  transitionAuditDoc,
} from '../../../src/storage/repositories/report.repository';
import { castError, copyDoc, isObjectId, type MemoryDb } from './memory-db';

/** The radius MongoDB's 2dsphere queries use for the Earth, in metres. */
const EARTH_RADIUS_M = 6_378_100;

export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const pointOf = (d: ReportDocument): GeoPoint => ({ lng: d.location.coordinates[0], lat: d.location.coordinates[1] });

/** reportQuery's filter (report.repository.ts) as a predicate. */
export function matchesFilter(d: ReportDocument, f: ReportFilter): boolean {
  if (f.status?.length && !f.status.includes(d.status)) return false;
  if (f.categoryId?.length && !f.categoryId.includes(d.categoryId)) return false;
  if (f.zone?.length && !(d.zone !== undefined && f.zone.includes(d.zone))) return false;
  if (f.channel?.length && !f.channel.includes(d.channel)) return false;
  if (f.from && !(d.createdAt.getTime() >= f.from.getTime())) return false;
  if (f.to && !(d.createdAt.getTime() < f.to.getTime())) return false;
  if (f.assignee !== undefined && (f.assignee === null ? d.assignee != null : d.assignee !== f.assignee)) return false;
  if (f.team && d.team !== f.team) return false;
  return true;
}

export type InMemoryReportOptions = { timeZone?: string; now?: () => Date };

/**
 * What MongoDB's indexes on sourceMessageKey and citizenRef do: find a report without reading
 * them all. Kept per database (every store over it shares it), filled by createOnce (the only
 * writer of new reports); an entry is checked against the stored report before use, so reports
 * removed (a test clearing the map) or unlinked from their citizen (erasure) are never returned.
 */
type ReportIndexes = { byMessageKey: Map<string, string>; byCitizen: Map<string, Set<string>>; entries: number };
const indexesOf = new WeakMap<MemoryDb, ReportIndexes>();

function indexes(db: MemoryDb): ReportIndexes {
  let idx = indexesOf.get(db);
  // Rebuilt when new, and when mostly stale (many reports removed since).
  if (!idx || idx.entries > 2 * db.reports.size + 1_000) {
    idx = { byMessageKey: new Map(), byCitizen: new Map(), entries: 0 };
    indexesOf.set(db, idx);
    for (const d of db.reports.values()) indexReport(idx, d);
  }
  return idx;
}

function indexReport(idx: ReportIndexes, d: ReportDocument) {
  const id = String(d._id);
  if (d.sourceMessageKey) idx.byMessageKey.set(d.sourceMessageKey, id);
  if (d.citizenRef) {
    const ids = idx.byCitizen.get(d.citizenRef) ?? new Set<string>();
    ids.add(id);
    idx.byCitizen.set(d.citizenRef, ids);
  }
  idx.entries++;
}

export function createInMemoryReportStore(db: MemoryDb, opts: InMemoryReportOptions = {}): ReportStore {
  const timeZone = opts.timeZone ?? 'Europe/Rome';
  const clock = opts.now ?? (() => new Date());

  const view = (d: ReportDocument): ReportView => toReportView(copyDoc(d));
  const find = (pred: (d: ReportDocument) => boolean) => {
    const found: ReportDocument[] = [];
    for (const d of db.reports.values()) if (pred(d)) found.push(d);
    return found;
  };
  const recordAudit = (entry: TransitionAuditDocument) => {
    if (!db.audit.has(entry._id)) db.audit.set(entry._id, copyDoc(entry));
  };
  const nextTicketCode = (now: Date) => {
    const year = ticketYear(now, timeZone);
    const value = (db.counters.get(`ticket-${year}`) ?? 0) + 1;
    db.counters.set(`ticket-${year}`, value);
    return formatTicketCode(year, value);
  };
  /** Writes `change` to the stored document, as an update stamps updatedAt. */
  const update = (d: ReportDocument, change: (d: ReportDocument) => void) => {
    change(d);
    d.updatedAt = new Date();
  };
  const listItems = async (filter: ReportFilter, page: ReportPageRequest) =>
    find((d) => matchesFilter(d, filter))
      .sort(page.sort === 'priority' ? byPriority : byNewest)
      .slice(page.offset, page.offset + page.limit)
      .map(view);

  return {
    async createOnce(input) {
      const idx = indexes(db);
      const knownId = idx.byMessageKey.get(input.sourceMessageKey);
      const existing = knownId ? db.reports.get(knownId) : undefined;
      if (existing && existing.sourceMessageKey === input.sourceMessageKey) return { report: view(existing), created: false };
      const at = new Date();
      const doc: ReportDocument = copyDoc({
        _id: db.newId(),
        ticketCode: nextTicketCode(clock()),
        ...newReportFields(input),
        // mongoose keeps the empty nested objects of its schema (minimize: false).
        dispatch: {},
        outcome: {},
        publicDescription: {},
        confirmations: 0,
        confirmationsList: [],
        followers: [],
        citizenInfo: [],
        version: 0,
        statsRecorded: false,
        createdAt: at,
        updatedAt: at,
      });
      db.reports.set(String(doc._id), doc);
      indexReport(idx, doc);
      return { report: view(doc), created: true };
    },
    async get(id) {
      if (!isObjectId(id)) return null;
      const d = db.reports.get(id);
      return d ? view(d) : null;
    },
    async getByTicket(ticketCode) {
      const d = find((r) => r.ticketCode === String(ticketCode))[0];
      return d ? view(d) : null;
    },
    async listByCitizen(citizenRef, limit) {
      const ref = String(citizenRef);
      const mine: ReportDocument[] = [];
      for (const id of indexes(db).byCitizen.get(ref) ?? []) {
        const d = db.reports.get(id);
        if (d && d.citizenRef === ref) mine.push(d);
      }
      return mine
        .sort(byNewest)
        .slice(0, limit)
        .map(view);
    },
    async list(filter, page) {
      return { items: await listItems(filter, page), total: find((d) => matchesFilter(d, filter)).length };
    },
    listItems,
    async countByStatus(filter) {
      const statuses = filter.status?.length ? filter.status : REPORT_STATUSES;
      const out: Record<string, number> = {};
      for (const status of statuses) {
        const n = find((d) => matchesFilter(d, { ...filter, status: [status] })).length;
        if (n) out[status] = n;
      }
      return out;
    },
    async applyTransition(input: ApplyTransitionInput) {
      const { id, action, expectedVersion, set } = input;
      if (!isObjectId(id)) return { ok: false, reason: 'not_found', message: 'report not found' };
      const doc = db.reports.get(id);
      if (!doc) return { ok: false, reason: 'not_found', message: 'report not found' };
      if (doc.lastTransition) recordAudit(doc.lastTransition);
      const current = view(doc);
      const check = transition(current.status, action);
      if (!check.ok) return { ok: false, reason: 'not_allowed', message: check.reason, current };
      if (expectedVersion !== undefined && expectedVersion !== current.version)
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current };
      if (!TRANSITIONS[action].from.includes(doc.status) || (doc.version ?? 0) !== current.version)
        return { ok: false, reason: 'conflict', message: 'the report was changed by someone else', current };
      const now = new Date();
      const entry = transitionAuditDoc(input, { from: current.status, to: check.to, version: current.version + 1, at: now });
      const tsField = TIMESTAMP_OF_ACTION[action] as keyof ReportDocument | undefined;
      update(doc, (d) => {
        const fields = d as unknown as Record<string, unknown>;
        d.status = check.to;
        for (const [k, v] of Object.entries(set ?? {})) {
          if (v === undefined) delete fields[k];
          else fields[k] = copyDoc(v);
        }
        if (tsField) fields[tsField] = now;
        d.lastTransition = copyDoc(entry);
        d.version = (d.version ?? 0) + 1;
      });
      recordAudit(entry);
      return { ok: true, report: view(doc), from: current.status };
    },
    async addPhoto(id, mediaRef) {
      if (!isObjectId(id)) throw castError(id);
      const d = db.reports.get(id);
      if (d)
        update(d, (r) => {
          r.photoRefs = [...(r.photoRefs ?? []), mediaRef];
          r.version = (r.version ?? 0) + 1;
        });
    },
    async findAwaitingInfo(citizenRef) {
      const d = find((r) => r.citizenRef === String(citizenRef) && r.status === 'needs_info').sort(
        (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime(),
      )[0];
      return d ? view(d) : null;
    },
    async addCitizenInfo(id, info) {
      if (!isObjectId(id)) throw castError(id);
      const d = db.reports.get(id);
      if (!d || (d.citizenInfo ?? []).some((i) => i.messageId === info.messageId)) return;
      update(d, (r) => {
        r.citizenInfo = [...(r.citizenInfo ?? []), copyDoc(info)];
        if (info.mediaRef) r.photoRefs = [...(r.photoRefs ?? []), info.mediaRef];
        r.version = (r.version ?? 0) + 1;
      });
    },
    async markResolutionAsked(id, at) {
      if (!isObjectId(id)) throw castError(id);
      const d = db.reports.get(id);
      if (d) update(d, (r) => (r.resolutionCheck = { askedAt: new Date(at.getTime()) }));
    },
    async findAwaitingResolution(citizenRef, since) {
      const d = find(
        (r) =>
          r.citizenRef === String(citizenRef) &&
          r.status === 'closed' &&
          r.resolutionCheck?.askedAt !== undefined &&
          r.resolutionCheck.askedAt.getTime() >= since.getTime() &&
          r.resolutionCheck.answer === undefined,
      ).sort((a, b) => b.resolutionCheck!.askedAt.getTime() - a.resolutionCheck!.askedAt.getTime())[0];
      return d ? view(d) : null;
    },
    async recordResolutionAnswer(id, input) {
      if (!isObjectId(id)) throw castError(id);
      const d = db.reports.get(id);
      if (!d?.resolutionCheck?.askedAt || d.resolutionCheck.answer !== undefined) return null;
      update(d, (r) => {
        r.resolutionCheck = { ...r.resolutionCheck!, answer: input.answer, answeredAt: new Date(input.at.getTime()), messageId: input.messageId };
      });
      return view(d);
    },
    async setResolutionResult(id, result, followUp) {
      if (!isObjectId(id)) throw castError(id);
      const d = db.reports.get(id);
      if (d) update(d, (r) => (r.resolutionCheck = { ...(r.resolutionCheck as ResolutionCheck), result, ...(followUp ? { followUp } : {}) }));
    },
    async findOpenNear(point, categoryId, radiusMeters, since) {
      // A degree of latitude is about 111 km: reports farther north or south are skipped unmeasured
      // (the 2dsphere index does this work in MongoDB).
      const maxLatDelta = radiusMeters / 111_000;
      const near: Array<{ d: ReportDocument; distance: number }> = [];
      for (const d of db.reports.values()) {
        if (d.categoryId !== String(categoryId) || !OPEN_STATUSES.includes(d.status) || d.createdAt.getTime() < since.getTime()) continue;
        const at = pointOf(d);
        if (Math.abs(at.lat - point.lat) > maxLatDelta) continue;
        const distance = distanceMeters(point, at);
        if (distance <= radiusMeters) near.push({ d, distance });
      }
      return near
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 5)
        .map(({ d }) => view(d));
    },
  };
}
