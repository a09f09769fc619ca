/**
 * What a report export may read: the report's facts, never who sent it. The source is a port
 * (src/storage implements it) so the export can stream many rows without the panel knowing
 * the database.
 */
import type { Channel, GeoPoint } from './message';
import type { ReportFilter } from './ports';
import type { ObservedWhen } from './observed-when';
import type { Outcome, Reliability, ReportStatus } from './report';

/**
 * One report as exported. There is deliberately no chatId (on WhatsApp it is the phone number),
 * citizenRef, followers, confirmation authors, photo refs, assignee or agents' notes here: the
 * source does not even read them.
 */
export type ExportReport = {
  ticketCode: string;
  status: ReportStatus;
  categoryId: string;
  reliability: Reliability;
  priority: number;
  zone?: string;
  address?: string;
  point: GeoPoint;
  channel: Channel;
  description: string;
  createdAt: Date;
  takenAt?: Date;
  dispatchedAt?: Date;
  closedAt?: Date;
  outcome?: Outcome;
  confirmations: number;
  /** When the citizen says it was observed (their words are withheld like the description). */
  observedWhen?: ObservedWhen;
};

export type ExportSort = 'priority' | 'newest';

export interface ReportExportSource {
  /** Reports matching the filter (the queue's criteria). */
  count(filter: ReportFilter): Promise<number>;
  /** The matching reports in the queue's order, read in batches, at most `limit`. */
  rows(filter: ReportFilter, opts: { sort: ExportSort; limit: number }): AsyncIterable<ExportReport>;
}
