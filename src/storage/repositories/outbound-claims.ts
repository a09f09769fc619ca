/**
 * Claim before send (docs/delivery-guarantees.md), for many sends at once: the claims asked for in
 * the same loop turn (batch-loader.ts; many chats' replies going out together) go as one `find` and one update
 * command stamped with a claim id of their own, instead of one `findOneAndUpdate` each; a claim
 * alone keeps that single round trip. Either way a message is claimed by one attempt only: the update
 * takes only unclaimed messages, and the claim id tells which attempt's stamp a message carries.
 */
import { randomUUID } from 'node:crypto';
import type { ClaimOutcome, OutboundRecord } from '../../domain/ports';
import { createLoopTurnBatch } from './batch-loader';

type Doc = Record<string, unknown>;
/** What is used of the outbound collection (the driver's, as mongoose hands it out). */
type OutboundCollection = {
  findOneAndUpdate(filter: Doc, update: Doc, options: { returnDocument: 'after' }): Promise<Doc | null>;
  findOne(filter: Doc): Promise<Doc | null>;
  bulkWrite(operations: Array<{ updateOne: { filter: Doc; update: Doc } }>, options: { ordered: false }): Promise<{ modifiedCount: number }>;
  updateOne(filter: Doc, update: Doc): Promise<unknown>;
  find(filter: Doc): { toArray(): Promise<Doc[]> };
};
type Asked = { outboundId: string; now: Date; staleBefore: Date };

const SENDABLE = ['queued', 'failed'];

export function createOutboundClaims(outbound: OutboundCollection, toRecord: (d: Doc) => OutboundRecord) {
  /** What a message that this attempt did not claim is to it. */
  const notClaimed = (doc: Doc | null | undefined, staleBefore: Date): ClaimOutcome => {
    if (!doc) return { outcome: 'missing' };
    const record = toRecord(doc);
    if (!SENDABLE.includes(doc.state as string)) return { outcome: 'not_sendable', record };
    return { outcome: doc.claimedAt instanceof Date && doc.claimedAt >= staleBefore ? 'in_flight' : 'unconfirmed', record };
  };

  const claimOne = async ({ outboundId, now, staleBefore }: Asked): Promise<ClaimOutcome> => {
    // One round trip when the claim succeeds (the common case): the message comes back with it.
    const claimed = await outbound.findOneAndUpdate(
      { outboundId, state: { $in: SENDABLE }, claimedAt: null },
      { $set: { claimedAt: now } },
      { returnDocument: 'after' },
    );
    if (claimed) return { outcome: 'claimed', record: toRecord(claimed) };
    return notClaimed(await outbound.findOne({ outboundId }), staleBefore);
  };

  /**
   * Read first, claim last: the messages are read, then the sendable ones claimed in one command, so
   * that, as with findOneAndUpdate, a message is claimed only one reply away from its platform call
   * (a process that dies between the claim and the call leaves an unconfirmed claim, see
   * docs/delivery-guarantees.md). When the update took fewer messages than asked (another attempt
   * was faster), the claim id tells which are this batch's.
   */
  const claimTogether = async (batch: readonly Asked[]): Promise<ClaimOutcome[]> => {
    const ids = [...new Set(batch.map((a) => a.outboundId))];
    const docs = new Map((await outbound.find({ outboundId: { $in: ids } }).toArray()).map((d) => [d.outboundId as string, d]));
    const claimable = ids.filter((id) => {
      const doc = docs.get(id);
      return doc && SENDABLE.includes(doc.state as string) && doc.claimedAt == null;
    });
    const ours = new Set<string>();
    if (claimable.length) {
      const claimId = randomUUID();
      // One update per message, sent as one command: unlike a multi-document updateMany, a batch of
      // single-document updates is a retryable write, so a reply lost to a failover or a cleared
      // connection pool is retried by the driver and answered from the server's record, instead of
      // leaving claims that nobody sends.
      const { modifiedCount } = await outbound.bulkWrite(
        claimable.map((outboundId) => ({
          updateOne: { filter: { outboundId, state: { $in: SENDABLE }, claimedAt: null }, update: { $set: { claimedAt: batch[0]!.now, claimId } } },
        })),
        { ordered: false },
      );
      if (modifiedCount === claimable.length) for (const id of claimable) ours.add(id);
      else {
        const afterClaim = new Map((await outbound.find({ outboundId: { $in: claimable } }).toArray()).map((d) => [d.outboundId as string, d]));
        for (const [id, doc] of afterClaim) {
          docs.set(id, doc);
          if (doc.claimId === claimId) ours.add(id);
        }
      }
    }
    // The same message asked for twice in one batch (two attempts at once) is claimed by the first.
    const handedOut = new Set<string>();
    return batch.map(({ outboundId, staleBefore }) => {
      const doc = docs.get(outboundId);
      if (!doc || !ours.has(outboundId)) return notClaimed(doc, staleBefore);
      if (handedOut.has(outboundId)) return { outcome: 'in_flight', record: toRecord(doc) };
      handedOut.add(outboundId);
      return { outcome: 'claimed', record: toRecord(doc) };
    });
  };

  const claim = createLoopTurnBatch<Asked, ClaimOutcome>(async (asked) =>
    asked.length === 1 ? [await claimOne(asked[0]!)] : claimTogether(asked),
  );

  return {
    claim: (outboundId: string, now: Date, staleBefore: Date): Promise<ClaimOutcome> => claim({ outboundId, now, staleBefore }),
    /** Drops a claim (and its claim id) after a send the platform refused, so a later attempt may send. */
    async release(outboundId: string) {
      await outbound.updateOne({ outboundId }, { $unset: { claimedAt: 1, claimId: 1 } });
    },
  };
}
