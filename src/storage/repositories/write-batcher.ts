/**
 * Group commit for the hot path's single-document writes (a message stored, marked processed, a
 * reply marked sent): the writes asked for during one turn of the event loop reach MongoDB as one
 * unordered `bulkWrite`, and each caller's promise settles with its own write's outcome.
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
type Fields = Record<string, unknown>;
type Write = { insertOne: { document: Fields } } | { updateOne: { filter: Fields; update: Fields } };
/**
 * What became of an update: true, it matched its document; false, it matched none; undefined, it
 * went in a batch where some update matched nothing, and which one cannot be told (a caller that
 * needs to know reads it back, see the conversation repository).
 */
export type Matched = boolean | undefined;
type Waiting = { write: Write; resolve: (matched: Matched) => void; reject: (err: unknown) => void };

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
  let waiting: Waiting[] = [];

  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      if (batch.length === 1) {
        const { write, resolve } = batch[0]!;
        if ('insertOne' in write) {
          await collection.insertOne(write.insertOne.document, options);
          resolve(undefined);
        } else {
          const { matchedCount } = await collection.updateOne(write.updateOne.filter, write.updateOne.update, options);
          resolve(matchedCount === 1);
        }
        return;
      }
      const { matchedCount } = await collection.bulkWrite(batch.map((w) => w.write), { ...options, ordered: false });
      const updates = batch.filter((w) => 'updateOne' in w.write).length;
      for (const w of batch) w.resolve(matchedCount === updates ? true : undefined);
    } catch (err) {
      // Thrown or rejected alike (mongoose throws some errors at once, e.g. on a closed connection).
      settleAfterFailure(batch, err);
    }
  };

  const enqueue = (write: Write) =>
    new Promise<Matched>((resolve, reject) => {
      if (waiting.push({ write, resolve, reject }) === 1) setImmediate(() => void flush());
    });

  return {
    insertOne: async (document) => void (await enqueue({ insertOne: { document } })),
    updateOne: (filter, update) => enqueue({ updateOne: { filter, update } }),
  };
}

/**
 * An unordered bulk write that failed: with only some writes refused (their index in
 * `writeErrors`), the others were applied and their callers resolve. Anything else (the network,
 * a timeout, a write concern not met) may have left any of them unapplied: every caller gets the
 * error, and their retries are idempotent.
 */
function settleAfterFailure(batch: Waiting[], err: unknown) {
  const refusals = refusedWrites(err);
  if (!refusals) {
    const cause = underlyingError(err);
    for (const w of batch) w.reject(cause);
    return;
  }
  batch.forEach((w, i) => {
    const refusal = refusals.get(i);
    if (refusal) w.reject(refusal);
    else w.resolve(undefined);
  });
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
