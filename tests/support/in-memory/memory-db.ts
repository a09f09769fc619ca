/**
 * The shared state of the in-memory adapters (tests/support/in-memory): one "database" per harness,
 * holding documents in the shapes the MongoDB repositories store (src/storage/models), so the
 * adapters can reuse the repositories' mappers (toReportView...) and several ports can see the same
 * reports, as they do on MongoDB. tests/integration/storage/contracts runs the same assertions
 * against both, so the two cannot drift.
 */
import { Types } from 'mongoose';
import type { Channel, InboundPayload } from '../../../src/domain/message';
import type { AuditEntry, CitizenIdentity } from '../../../src/domain/ports';
import { localFieldCipher, type FieldCipher } from '../../../src/security/field-cipher';
import type { ReportDocument } from '../../../src/storage/models/report.model';
import type { SubscriptionDocument as StoredSubscription } from '../../../src/storage/models/subscription.model';

/** A subscription as subscription.model.ts stores it, with the id this store gives. */
export type SubscriptionDocument = Omit<StoredSubscription, '_id' | 'active'> & { _id: string; active: boolean };

export type AuditDocument = AuditEntry & { _id: string; at: Date };

/** An identity is kept as the port describes it (the chat id in clear: nothing here is stored). */
export type IdentityDocument = CitizenIdentity;

export type InboxDocument = {
  _id: string;
  channel: Channel;
  messageId: string;
  chatId: string;
  citizenRef: string;
  receivedAt: Date;
  payload: InboundPayload;
  languageCode?: string;
  state: 'received' | 'processed' | 'failed';
  reportId?: string;
  error?: string;
};

/** A message the bot sent, as far as the citizen-data port sees it (erasure deletes a chat's). */
export type OutboundDocument = { channel: Channel; chatId: string; outboundId: string };

export type ConversationDocument = {
  channel: Channel;
  chatId: string;
  citizenRef: string;
  state: unknown;
  version: number;
  lastMessageId?: string;
  recentReceipts?: Date[];
};

export class MemoryDb {
  /**
   * Only for the keyed message references the inbox stores instead of platform message ids (as
   * the repository does): nothing else is encrypted here, nothing leaves the test process.
   */
  constructor(readonly cipher: FieldCipher = localFieldCipher()) {}

  /** Insertion order is kept (Map), like a collection's natural order. */
  readonly reports = new Map<string, ReportDocument>();
  readonly counters = new Map<string, number>();
  readonly subscriptions = new Map<string, SubscriptionDocument>();
  readonly audit = new Map<string, AuditDocument>();
  readonly nearbyQuestions = new Map<string, number>();
  readonly identities = new Map<string, IdentityDocument>();
  readonly inbox = new Map<string, InboxDocument>();
  readonly outbound: OutboundDocument[] = [];
  readonly conversations = new Map<string, ConversationDocument>();

  /** An id like MongoDB's (24 hex digits, increasing), so ports that check ids behave alike. */
  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  /** Empties every collection (a harness between tests). */
  clear(): void {
    for (const m of [this.reports, this.counters, this.subscriptions, this.audit, this.nearbyQuestions, this.identities, this.inbox, this.conversations]) m.clear();
    this.outbound.length = 0;
  }
}

export const isObjectId = (id: unknown): id is string => typeof id === 'string' && Types.ObjectId.isValid(id);

/**
 * A deep copy as a BSON round trip makes it: Dates stay Dates, properties holding undefined are
 * left out (the repositories write with ignoreUndefined or through mongoose, which drops them).
 * Every document is copied on the way in and out, so no caller shares an object with the store.
 */
export function copyDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : copyDoc(v))) as T;
  if (value instanceof Types.ObjectId) return value;
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copyDoc(v);
  return out as T;
}

/** Mongoose refuses to cast a malformed ObjectId in a filter: the same refusal. */
export function castError(value: unknown): Error {
  return Object.assign(new Error(`Cast to ObjectId failed for value "${String(value)}" (type ${typeof value}) at path "_id"`), { name: 'CastError' });
}
