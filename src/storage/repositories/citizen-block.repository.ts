import type { Connection } from 'mongoose';
import type { CitizenBlock, CitizenBlockStore } from '../../domain/ports';
import { citizenBlockModel } from '../models/citizen-block.model';

export function createCitizenBlockRepository(conn: Connection): CitizenBlockStore {
  const Block = citizenBlockModel(conn);
  return {
    async block({ citizenRef, reason, until, by, at }) {
      await Block.updateOne(
        { citizenRef: String(citizenRef) },
        { $set: { reason, until, by, at, blockedMessages: 0 }, $unset: { noticeSentAt: 1 } },
        { upsert: true },
      );
    },
    async countBlocked(citizenRef, now) {
      const ref = String(citizenRef);
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
      return ended.modifiedCount === 1;
    },
  };
}
