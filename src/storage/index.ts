/** Builds every repository on one connection and makes sure their indexes exist. */
import type { Connection } from 'mongoose';
import { createInboxRepository } from './repositories/inbox.repository';
import { createConversationRepository } from './repositories/conversation.repository';
import { createReportRepository } from './repositories/report.repository';
import { createAuditRepository } from './repositories/audit.repository';
import { createIdentityRepository } from './repositories/identity.repository';
import { createOutboundRepository } from './repositories/outbound.repository';
import { createOperatorRepository } from './repositories/operator.repository';

export function createStorage(conn: Connection) {
  return {
    inbox: createInboxRepository(conn),
    // The state type is the dialog's; storage keeps it as an opaque document.
    conversations: createConversationRepository<unknown>(conn),
    reports: createReportRepository(conn),
    audit: createAuditRepository(conn),
    identities: createIdentityRepository(conn),
    outbound: createOutboundRepository(conn),
    operators: createOperatorRepository(conn),
  };
}

export type Storage = ReturnType<typeof createStorage>;

/** Creates the indexes of every model (idempotent). */
export async function ensureIndexes(conn: Connection): Promise<void> {
  await Promise.all(Object.values(conn.models).map((m) => m.init()));
}

export { connectMongo, waitForMongo, type MongoHandle } from './connection';
export type { OperatorRecord, OperatorRole, OperatorStore } from './repositories/operator.repository';
