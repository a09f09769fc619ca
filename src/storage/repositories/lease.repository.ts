/** Leases in MongoDB (collection `leases`): one document per lease, taken when free or expired. */
import type { Connection } from 'mongoose';
import type { LeaseStore } from '../../domain/ports';
import { isDuplicateKeyError } from './mongo-errors';

type LeaseDoc = { _id: string; holder: string; until: Date };

export function createLeaseRepository(conn: Connection): LeaseStore {
  const leases = () => conn.collection<LeaseDoc>('leases');
  return {
    async acquire(name, holder, ttlMs, now = new Date()) {
      const until = new Date(now.getTime() + ttlMs);
      try {
        // Matches only a lease that is ours or expired; when none matches, the upsert inserts
        // `_id: name`, which fails with a duplicate key while another holder's lease is live.
        const res = await leases().updateOne(
          { _id: name, $or: [{ holder }, { until: { $lte: now } }] },
          { $set: { holder, until } },
          { upsert: true },
        );
        return res.matchedCount + res.upsertedCount === 1;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },
    async release(name, holder) {
      await leases().deleteOne({ _id: name, holder });
    },
  };
}
