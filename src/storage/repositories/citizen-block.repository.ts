import type { Connection } from 'mongoose';
import type { CitizenBlock, CitizenBlockStore } from '../../domain/ports';
import { citizenBlockModel } from '../models/citizen-block.model';

/**
 * How long this process trusts its list of blocked citizens. A block or unblock made by this process
 * applies at once; one made by another process (the panel's web process) within this time.
 */
const BLOCKED_LIST_TTL_MS = 10_000;
/** Blocks that ended this long before a message's time are still listed: messages may carry older times. */
const CLOCK_SLACK_MS = 7 * 24 * 60 * 60_000;

export function createCitizenBlockRepository(conn: Connection, opts: { listTtlMs?: number } = {}): CitizenBlockStore {
  const Block = citizenBlockModel(conn);
  const listTtlMs = opts.listTtlMs ?? BLOCKED_LIST_TTL_MS;
  // Every inbound message asks whether its citizen is blocked; almost none is. The few citizens with
  // a running block are read once per listTtlMs, so a message of anybody else costs no query at all.
  let blocked: { refs: Set<string>; readAt: number } | undefined;
  let reading: Promise<Set<string>> | undefined;
  // A block or unblock written while a read is under way must not be overwritten by that read's
  // older list: each write starts a new generation, and only a read of the current one is kept.
  let generation = 0;
  const forget = () => {
    generation += 1;
    blocked = undefined;
    reading = undefined;
  };
  const blockedRefs = async (now: Date): Promise<Set<string>> => {
    if (blocked && Date.now() - blocked.readAt < listTtlMs) return blocked.refs;
    const readGeneration = generation;
    reading ??= Block.collection
      .find({ until: { $gt: new Date(now.getTime() - CLOCK_SLACK_MS) } }, { projection: { _id: 0, citizenRef: 1 } })
      .toArray()
      .then((docs) => {
        const refs = new Set(docs.map((d) => String(d.citizenRef)));
        if (readGeneration === generation) blocked = { refs, readAt: Date.now() };
        return refs;
      })
      .finally(() => {
        if (readGeneration === generation) reading = undefined;
      });
    return reading;
  };
  return {
    async block({ citizenRef, reason, until, by, at }) {
      await Block.updateOne(
        { citizenRef: String(citizenRef) },
        { $set: { reason, until, by, at, blockedMessages: 0 }, $unset: { noticeSentAt: 1 } },
        { upsert: true },
      );
      forget();
    },
    async countBlocked(citizenRef, now) {
      const ref = String(citizenRef);
      if (!(await blockedRefs(now)).has(ref)) return null;
      const d = await Block.findOneAndUpdate({ citizenRef: ref, until: { $gt: now } }, { $inc: { blockedMessages: 1 } }, { returnDocument: 'after' }).lean<
        CitizenBlock & { noticeSentAt?: Date }
      >();
      if (!d) return null;
      // The notice is due once: the first message to set noticeSentAt sends it.
      const claimed = await Block.updateOne({ citizenRef: ref, noticeSentAt: { $exists: false } }, { $set: { noticeSentAt: now } });
      const block: CitizenBlock = { citizenRef: ref, reason: d.reason, until: d.until, by: d.by, at: d.at, blockedMessages: d.blockedMessages };
      return { block, noticeDue: claimed.modifiedCount === 1 };
    },
    async active(citizenRef, now) {
      const d = await Block.findOne({ citizenRef: String(citizenRef), until: { $gt: now } }).lean<CitizenBlock>();
      return d
        ? { citizenRef: d.citizenRef, reason: d.reason, until: d.until, by: d.by, at: d.at, blockedMessages: d.blockedMessages ?? 0 }
        : null;
    },
    async unblock(citizenRef, now) {
      // The document stays (the count of blocked messages is kept); the block just ends now.
      const ended = await Block.updateOne({ citizenRef: String(citizenRef), until: { $gt: now } }, { $set: { until: now } });
      forget();
      return ended.modifiedCount === 1;
    },
  };
}
