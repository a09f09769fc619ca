/** Builds every repository on one connection and makes sure their indexes exist. */
import { createCitizenDataRepository } from './repositories/citizen-data.repository';
import { createCitizenBlockRepository } from './repositories/citizen-block.repository';
import { createRetentionRepository } from './repositories/retention.repository';
import { createLeaseRepository } from './repositories/lease.repository';
import { createNoteRepository } from './repositories/note.repository';
import { createTemplateRepository } from './repositories/template.repository';
import type { Connection } from 'mongoose';
import { createInboxRepository } from './repositories/inbox.repository';
import { createConversationRepository } from './repositories/conversation.repository';
import { createReportRepository, type ReportRepositoryOptions } from './repositories/report.repository';
import { createAuditRepository } from './repositories/audit.repository';
import { createIdentityRepository } from './repositories/identity.repository';
import { createOutboundRepository } from './repositories/outbound.repository';
import { createOperatorRepository } from './repositories/operator.repository';
import { createStatsRepository, type StatsOptions } from './repositories/stats.repository';
import { createConfirmationRepository } from './repositories/confirmation.repository';
import { createSubscriptionRepository } from './repositories/subscription.repository';
import { createMergeRepository } from './repositories/merge.repository';
import { createAdvisoryRepository } from './repositories/advisory.repository';
import { createReportExportRepository } from './repositories/report-export.repository';
import { createPublicReportRepository } from './repositories/public-report.repository';
import { createNearbyQuestionQuotaRepository } from './repositories/nearby-question-quota.repository';
import { createStaffLinkRepository } from './repositories/staff-link.repository';
import { createStaffOutboxRepository } from './repositories/staff-outbox.repository';
import { categoryById } from '../../config/categories';
import { localFieldCipher, type FieldCipher } from '../security/field-cipher';
import { rememberingBlindIndexes } from './remembered-blind-index';

const DEFAULT_STATS_OPTIONS: StatsOptions = {
  timeZone: 'Europe/Rome',
  serviceHours: { timeZone: 'Europe/Rome', days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '19:00', holidays: [] },
  severityOf: (categoryId) => categoryById(categoryId)?.severity ?? 1,
};

/**
 * `stats` carries the municipality's time zone and service hours for the territory counters;
 * `cipher` encrypts personal data at rest (the service passes the one from its settings; tests and
 * tools get a local development key).
 */
export function createStorage(
  conn: Connection,
  stats: Partial<StatsOptions> = {},
  reportOptions: Pick<ReportRepositoryOptions, 'now'> = {},
  givenCipher: FieldCipher = localFieldCipher(),
) {
  const cipher = rememberingBlindIndexes(givenCipher);
  const statsOptions = { ...DEFAULT_STATS_OPTIONS, ...stats };
  const statsRepository = createStatsRepository(conn, statsOptions);
  return {
    stats: statsRepository,
    inbox: createInboxRepository(conn, cipher),
    // The state type is the dialog's; storage keeps it as an opaque document.
    conversations: createConversationRepository<unknown>(conn, cipher),
    reports: createReportRepository(conn, statsRepository, { ...reportOptions, timeZone: statsOptions.timeZone }),
    audit: createAuditRepository(conn),
    identities: createIdentityRepository(conn, cipher),
    outbound: createOutboundRepository(conn, cipher),
    operators: createOperatorRepository(conn),
    confirmations: createConfirmationRepository(conn, statsRepository),
    subscriptions: createSubscriptionRepository(conn),
    /** Merging a duplicate report into the original (panel's mark_duplicate). */
    merges: createMergeRepository(conn),
    /** Supervisors' advisories to area-alert subscribers, with delivery counts. */
    advisories: createAdvisoryRepository(conn),
    /** Identity-free rows for the panel's CSV/GeoJSON export, streamed with a cursor. */
    reportExport: createReportExportRepository(conn),
    /** How often each citizen was asked "same situation?" today (the nearby question is rationed). */
    nearbyQuestions: createNearbyQuestionQuotaRepository(conn),
    /** Reports as the public Open311 API sees them (random public ids, approved descriptions). */
    publicReports: createPublicReportRepository(conn),
    /** Agents' internal notes and the operators they mention. */
    notes: createNoteRepository(conn),
    /** Reply templates supervisors prepare for agents' questions and closing words. */
    templates: createTemplateRepository(conn),
    /** "One process at a time" leases (the reconciler). */
    leases: createLeaseRepository(conn),
    /** A citizen's data as a whole, for the rights they exercise through the bot. */
    citizenData: createCitizenDataRepository(conn, cipher),
    /** Citizens blocked by agents. */
    citizenBlocks: createCitizenBlockRepository(conn),
    /** The daily retention job's purges and its runs. */
    retention: createRetentionRepository(conn),
    /** Operators' links to the staff bot (Telegram), and who is on call. */
    staffLinks: createStaffLinkRepository(conn, cipher),
    /** What the staff bot must send to operators (dispatches, pages), kept until sent. */
    staffOutbox: createStaffOutboxRepository(conn),
  };
}

export type Storage = ReturnType<typeof createStorage>;

/** Creates the indexes of every model (idempotent). */
export async function ensureIndexes(conn: Connection): Promise<void> {
  await Promise.all(Object.values(conn.models).map((m) => m.init()));
}

export { connectMongo, waitForMongo, type MongoHandle } from './connection';
export type { OperatorRecord, OperatorRole, OperatorStore } from './repositories/operator.repository';
export type { StatsRepository, HotZone, HeatPoint, IndicatorRow, IndicatorQuery } from './repositories/stats.repository';
