/** In-memory NearbyQuestionQuota: nearby-question-quota.repository.ts's per-citizen, per-day count on a MemoryDb. */
import type { NearbyQuestionQuota } from '../../../src/domain/nearby-question-quota';
import type { MemoryDb } from './memory-db';

export function createInMemoryNearbyQuestionQuota(db: MemoryDb): NearbyQuestionQuota {
  return {
    async take(citizenRef, day) {
      const key = `${citizenRef}|${day}`;
      const count = (db.nearbyQuestions.get(key) ?? 0) + 1;
      db.nearbyQuestions.set(key, count);
      return count;
    },
  };
}
