/**
 * In-memory adapters of the ports, for tests about the dialog (tests/flows) and for bench:dialog:
 * the same ports src/storage implements on MongoDB, sharing one MemoryDb as the repositories share
 * one database. tests/integration/storage/contracts runs the same assertions against both.
 * Integration tests keep the real servers.
 */
import { createInMemoryAuditLog } from './audit';
import { createInMemoryCitizenDataStore } from './citizen-data';
import { createInMemoryConfirmationStore } from './confirmations';
import { createInMemoryConversationStore } from './conversations';
import { createInMemoryIdentityStore } from './identities';
import { createInMemoryInboxStore } from './inbox';
import { MemoryDb } from './memory-db';
import { createInMemoryNearbyQuestionQuota } from './quotas';
import { createInMemoryReportStore, type InMemoryReportOptions } from './reports';
import { createInMemorySubscriptionStore } from './subscriptions';

export { MemoryDb } from './memory-db';
export { createInMemoryMediaStore } from './media';

export function createInMemoryStorage(opts: InMemoryReportOptions = {}, db = new MemoryDb()) {
  return {
    /** The documents themselves, for setting up what a test needs (e.g. a report's age). */
    db,
    reports: createInMemoryReportStore(db, opts),
    confirmations: createInMemoryConfirmationStore(db),
    subscriptions: createInMemorySubscriptionStore(db),
    audit: createInMemoryAuditLog(db),
    nearbyQuestions: createInMemoryNearbyQuestionQuota(db),
    citizenData: createInMemoryCitizenDataStore(db),
    identities: createInMemoryIdentityStore(db),
    inbox: createInMemoryInboxStore(db),
    conversations: createInMemoryConversationStore<unknown>(db),
  };
}

export type InMemoryStorage = ReturnType<typeof createInMemoryStorage>;
