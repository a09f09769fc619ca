/** The per-citizen daily count of "same situation?" questions, one atomic upsert per question. */
import type { Connection } from 'mongoose';
import type { NearbyQuestionQuota } from '../../domain/nearby-question-quota';
import { nearbyQuestionCountModel } from '../models/nearby-question-count.model';

const KEEP_MS = 2 * 86_400_000;

export function createNearbyQuestionQuotaRepository(conn: Connection): NearbyQuestionQuota {
  const Count = nearbyQuestionCountModel(conn);
  return {
    async take(citizenRef, day) {
      const doc = await Count.findOneAndUpdate(
        { _id: `${citizenRef}|${day}` },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(Date.parse(`${day}T00:00:00Z`) + KEEP_MS) } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      return doc?.count ?? 1;
    },
  };
}
