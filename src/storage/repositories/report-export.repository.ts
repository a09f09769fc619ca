/**
 * Reports for the panel's CSV/GeoJSON export, read with a cursor in batches (a 50,000-row export
 * never sits in memory at once) and with a projection that leaves every identity field in the
 * database: the export cannot leak what it never reads.
 */
import type { Connection } from 'mongoose';
import type { ReportFilter } from '../../domain/ports';
import type { ExportReport, ReportExportSource } from '../../domain/report-export';
import { reportModel, type ReportDocument } from '../models/report.model';
import { reportQuery } from './report.repository';

const BATCH = 1_000;

/** Only these fields leave the database (no chatId, citizenRef, followers, confirmationsList, photoRefs...). */
const EXPORT_PROJECTION = {
  _id: 0,
  ticketCode: 1,
  status: 1,
  categoryId: 1,
  reliability: 1,
  priority: 1,
  zone: 1,
  address: 1,
  location: 1,
  channel: 1,
  description: 1,
  createdAt: 1,
  takenAt: 1,
  dispatchedAt: 1,
  closedAt: 1,
  'outcome.code': 1,
  confirmations: 1,
  observedWhen: 1,
} as const;

/** The fields EXPORT_PROJECTION reads of a report document. */
type ExportDoc = Pick<
  ReportDocument,
  'ticketCode' | 'status' | 'categoryId' | 'reliability' | 'priority' | 'zone' | 'address' | 'location' | 'channel' | 'description' | 'createdAt' | 'takenAt' | 'dispatchedAt' | 'closedAt' | 'outcome' | 'confirmations' | 'observedWhen'
>;

function toExportReport(d: ExportDoc): ExportReport {
  return {
    ticketCode: d.ticketCode,
    status: d.status,
    categoryId: d.categoryId,
    reliability: d.reliability,
    priority: d.priority ?? 0,
    zone: d.zone ?? undefined,
    address: d.address ?? undefined,
    point: { lng: d.location.coordinates[0], lat: d.location.coordinates[1] },
    channel: d.channel,
    description: d.description ?? '',
    createdAt: d.createdAt,
    takenAt: d.takenAt ?? undefined,
    dispatchedAt: d.dispatchedAt ?? undefined,
    closedAt: d.closedAt ?? undefined,
    outcome: d.outcome?.code ?? undefined,
    confirmations: d.confirmations ?? 0,
    ...(d.observedWhen?.text ? { observedWhen: d.observedWhen } : {}),
  };
}

export function createReportExportRepository(conn: Connection): ReportExportSource {
  const Report = reportModel(conn);
  return {
    count: (filter: ReportFilter) => Report.countDocuments(reportQuery(filter)),
    async *rows(filter, opts) {
      // The queue's orders (one query, one cursor: batches continue the same sorted result).
      const sort: Record<string, 1 | -1> = opts.sort === 'priority' ? { priority: -1, createdAt: 1 } : { createdAt: -1 };
      const cursor = Report.find(reportQuery(filter), EXPORT_PROJECTION)
        .sort(sort)
        .limit(opts.limit)
        .lean<ExportDoc>()
        .cursor({ batchSize: BATCH });
      try {
        for await (const doc of cursor) yield toExportReport(doc);
      } finally {
        // A consumer that stops early (client gone) releases the server-side cursor.
        await cursor.close().catch(() => undefined);
      }
    },
  };
}
