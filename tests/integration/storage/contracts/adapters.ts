/**
 * The contract tests' two contenders: the MongoDB repositories (src/storage, on the MongoDB-wire
 * server) and the in-memory adapters (tests/support/in-memory). Each contract file runs the SAME
 * assertions against both (describe.each), so the in-memory fakes the dialog tests use cannot drift
 * from what the service does.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe } from 'vitest';
import type { NearbyQuestionQuota } from '../../../../src/domain/nearby-question-quota';
import type {
  AuditLog,
  CitizenDataStore,
  ConfirmationStore,
  ConversationStore,
  IdentityStore,
  InboxStore,
  NewReport,
  ReportStore,
  SubscriptionStore,
} from '../../../../src/domain/ports';
import { createStorage, ensureIndexes } from '../../../../src/storage';
import { freshMongoUrl } from '../../../support/databases';
import { createInMemoryStorage } from '../../../support/in-memory';

export type Ports = {
  reports: ReportStore;
  confirmations: ConfirmationStore;
  subscriptions: SubscriptionStore;
  audit: AuditLog;
  nearbyQuestions: NearbyQuestionQuota;
  citizenData: CitizenDataStore;
  identities: IdentityStore;
  inbox: InboxStore;
  conversations: ConversationStore<unknown>;
  /** Sets reports' creation time (the stores stamp the real time; tests move it back). */
  setCreatedAt(reportId: string, at: Date): Promise<void>;
};

type Options = { now?: () => Date };

async function mongoPorts(opts: Options): Promise<{ ports: Ports; close(): Promise<void> }> {
  const conn = await mongoose.createConnection(freshMongoUrl('contract')).asPromise();
  const storage = createStorage(conn, {}, opts);
  // After createStorage: the indexes are those of the models it registered.
  await ensureIndexes(conn);
  return {
    ports: {
      ...storage,
      async setCreatedAt(id, at) {
        await conn.collection('reports').updateOne({ _id: new mongoose.Types.ObjectId(id) }, { $set: { createdAt: at } });
      },
    },
    async close() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}

async function memoryPorts(opts: Options): Promise<{ ports: Ports; close(): Promise<void> }> {
  const storage = createInMemoryStorage(opts);
  return {
    ports: {
      ...storage,
      async setCreatedAt(id, at) {
        const d = storage.db.reports.get(id);
        if (d) d.createdAt = at;
      },
    },
    close: async () => undefined,
  };
}

/** Runs `body` once per adapter, each with its own fresh store for the file. */
export function forEachAdapter(body: (ports: () => Ports) => void, opts: Options = {}) {
  describe.each([
    ['MongoDB repository', mongoPorts],
    ['in-memory adapter', memoryPorts],
  ] as const)('%s', (_name, make) => {
    let made: Awaited<ReturnType<typeof mongoPorts>> | undefined;
    beforeAll(async () => {
      made = await make(opts);
    });
    afterAll(async () => {
      await made?.close();
    });
    body(() => made!.ports);
  });
}

export const TOWN_HALL = { lat: 43.8414, lng: 10.5731 };

let seq = 0;
/** A report as the dialog creates it; every call a new source message. */
export function newReport(over: Partial<NewReport> = {}): NewReport {
  seq++;
  return {
    categoryId: 'abandoned_waste',
    reliability: 'heard',
    point: TOWN_HALL,
    address: 'Piazza Aldo Moro 1, Capannori',
    zone: 'capannori-centro',
    zipcode: '55012',
    description: 'Sacchi di rifiuti davanti al municipio',
    photoRefs: ['photo-of-reporter'],
    channel: 'simulator',
    citizenRef: `cit_reporter_${process.pid}_${seq}`,
    language: 'it',
    priority: 29,
    priorityFactors: { severity: 25, photo: 4 },
    sourceMessageKey: `simulator:contract-${process.pid}-${seq}-${Math.random().toString(36).slice(2)}`,
    ...over,
  };
}
