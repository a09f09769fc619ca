/**
 * Group commit for the hot path's single-document writes (a message stored, marked processed, a
 * reply marked sent): the writes asked for during one turn of the event loop (batch-loader.ts)
 * reach MongoDB as one unordered `bulkWrite`, and each caller's promise settles with its own write's
 * outcome.
 *
 * Why: each command costs the driver about 0.13 ms of CPU on these machines whatever its size, and
 * with many chats at once several turns finish in the same loop turn. Alone, a write waits only
 * until setImmediate and goes as the plain `insertOne` or `updateOne` it was.
 *
 * Nothing is weaker than a direct write: a caller's promise resolves only once MongoDB has
 * acknowledged its write, and rejects with the driver's own error (a network error or timeout stays
 * an infrastructure fault for the caller's retry, a duplicate key stays code 11000; another write's
 * refusal is not its concern).
 */
import { createLoopTurnBatch } from './batch-loader';

type Fields = Record<string, unknown>;
type Write = { insertOne: { document: Fields } } | { updateOne: { filter: Fields; update: Fields } };
/**
 * What became of an update: true, it matched its document; false, it matched none; undefined, it
 * went in a batch where some update matched nothing, and which one cannot be told (a caller that
 * needs to know reads it back, see the conversation repository).
 */
export type Matched = boolean | undefined;

/** What is used of a collection (the driver's, as mongoose hands it out). */
type WritableCollection = {
  insertOne(document: Fields, options: WriteOptions): Promise<unknown>;
  updateOne(filter: Fields, update: Fields, options: WriteOptions): Promise<{ matchedCount: number }>;
  bulkWrite(operations: Write[], options: WriteOptions & { ordered: false }): Promise<{ matchedCount: number }>;
};
type WriteOptions = { ignoreUndefined?: boolean };

export type WriteBatcher = {
  /** Inserts the document (the driver gives it its `_id` before sending it), with this loop turn's other writes. */
  insertOne(document: Fields): Promise<void>;
  /** Updates one document (no upsert), with this loop turn's other writes. */
  updateOne(filter: Fields, update: Fields): Promise<Matched>;
};

export function createWriteBatcher(collection: WritableCollection, options: WriteOptions = {}): WriteBatcher {
  const write = createLoopTurnBatch<Write, Matched>(async (writes) => {
    try {
      if (writes.length === 1) {
        const [only] = writes as [Write];
        if ('insertOne' in only) {
          await collection.insertOne(only.insertOne.document, options);
          return [undefined];
        }
        const { matchedCount } = await collection.updateOne(only.updateOne.filter, only.updateOne.update, options);
        return [matchedCount === 1];
      }
      const { matchedCount } = await collection.bulkWrite([...writes], { ...options, ordered: false });
      const updates = writes.filter((w) => 'updateOne' in w).length;
      return writes.map(() => (matchedCount === updates ? true : undefined));
    } catch (err) {
      // Thrown or rejected alike (mongoose throws some errors at once, e.g. on a closed connection).
      return answersAfterFailure(writes, err);
    }
  });

  return {
    insertOne: async (document) => void (await write({ insertOne: { document } })),
    updateOne: (filter, update) => write({ updateOne: { filter, update } }),
  };
}

/**
 * An unordered bulk write that failed: with only some writes refused (their index in
 * `writeErrors`), the others were applied and their callers resolve. Anything else (the network,
 * a timeout, a write concern not met) may have left any of them unapplied: every caller gets the
 * error, and their retries are idempotent.
 */
function answersAfterFailure(writes: readonly Write[], err: unknown): Array<Matched | Error> {
  const refusals = refusedWrites(err);
  if (!refusals) throw underlyingError(err);
  return writes.map((_, i) => refusals.get(i) ?? undefined);
}

type BulkWriteFailure = {
  name?: string;
  /** What the driver wraps: the network error, the timeout, the server's answer. */
  errorResponse?: unknown;
  writeErrors?: Array<{ index: number; code?: number; errmsg?: string }>;
  result?: { getWriteConcernError?: () => unknown };
};

/**
 * The writes MongoDB refused, by their index in the batch; undefined unless the failure is only
 * that. Read by shape, not `instanceof`: mongoose carries its own copy of the driver.
 */
function refusedWrites(err: unknown): Map<number, Error> | undefined {
  const failure = err as BulkWriteFailure;
  if (failure?.name !== 'MongoBulkWriteError' || !Array.isArray(failure.writeErrors) || !failure.writeErrors.length) return undefined;
  if (failure.result?.getWriteConcernError?.()) return undefined;
  return new Map(failure.writeErrors.map((e) => [e.index, Object.assign(new Error(e.errmsg ?? 'write refused'), { code: e.code })]));
}

/**
 * The error the bulk write wraps (a MongoNetworkError, a timeout), so that callers tell an outage
 * from a refusal as they do for a plain write (src/domain/infrastructure-fault.ts).
 */
function underlyingError(err: unknown): unknown {
  const failure = err as BulkWriteFailure;
  return failure?.name === 'MongoBulkWriteError' && failure.errorResponse instanceof Error ? failure.errorResponse : err;
}
