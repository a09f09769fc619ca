/**
 * The public (Open311) side of reports: a random public id per published report, so the public
 * API cannot be walked like the sequential ticket codes, and the description copy an agent
 * approved for publication (citizens' own words are never published).
 */
import type { ReportView } from './ports';
import type { ReportStatus } from './report';

export type PublicDescription = { text: string; approvedBy: string; approvedAt: Date };

export type PublishedReport = { report: ReportView; publicId: string; publicDescription?: PublicDescription };

/** One category group of a public listing: its statuses, and for delayed ones the latest closing time. */
export type PublicClause = { categoryIds: string[]; statuses: ReportStatus[]; closedBefore?: Date };

export type PublicListing = { clauses: PublicClause[]; from?: Date; to?: Date; limit: number };

export interface PublicReportStore {
  /** Reports matching any clause, newest first; each gets its random public id the first time it is listed. */
  list(query: PublicListing): Promise<PublishedReport[]>;
  getByPublicId(publicId: string): Promise<PublishedReport | null>;
  /** The report's public id, created when it has none (the panel shows it next to the approval). */
  publicIdOf(reportId: string): Promise<string | null>;
  /** Sets (or with null withdraws) the approved public copy of the description; false when no such report. */
  setPublicDescription(reportId: string, value: PublicDescription | null): Promise<boolean>;
}
