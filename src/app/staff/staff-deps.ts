/** What the staff bot's use cases share: the stores, and how a report is named to an operator. */
import type { AuditLog, StaffLinkStore, StaffOutbox } from '../../domain/ports';

export type ReportNaming = {
  categoryLabel(categoryId: string, lang: 'it' | 'en'): string;
  zoneName(zoneId: string | undefined, lang: 'it' | 'en'): string;
  /** The report's page in the panel, when the panel's public address is known. */
  panelLink(reportId: string): string | undefined;
};

export type StaffDeps = {
  links: StaffLinkStore;
  outbox: StaffOutbox;
  audit: AuditLog;
  naming: ReportNaming;
};
