/** In-memory SubscriptionStore: subscription.repository.ts on a MemoryDb (once per sourceMessageKey, deletes, zone lookup). */
import type { NewSubscription, SubscriptionStore } from '../../../src/domain/ports';
import { toSubscription } from '../../../src/storage/repositories/subscription.repository';
import { copyDoc, isObjectId, type MemoryDb, type SubscriptionDocument } from './memory-db';

const oldestFirst = (a: SubscriptionDocument, b: SubscriptionDocument) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id);

export function createInMemorySubscriptionStore(db: MemoryDb): SubscriptionStore {
  const all = () => [...db.subscriptions.values()];
  const view = (d: SubscriptionDocument) => toSubscription(copyDoc(d));
  return {
    async add(input: NewSubscription) {
      const existing = all().find((d) => d.sourceMessageKey === String(input.sourceMessageKey));
      if (existing) return { subscription: view(existing), created: false };
      const now = new Date();
      const doc: SubscriptionDocument = copyDoc({
        _id: db.newId(),
        citizenRef: String(input.citizenRef),
        channel: input.channel,
        language: input.language,
        kind: input.kind,
        ...(input.center ? { center: { type: 'Point' as const, coordinates: [Number(input.center.lng), Number(input.center.lat)] } } : {}),
        ...(input.radiusMeters !== undefined ? { radiusMeters: Number(input.radiusMeters) } : {}),
        ...(input.zoneId ? { zoneId: String(input.zoneId) } : {}),
        ...(input.label ? { label: String(input.label) } : {}),
        active: true,
        sourceMessageKey: String(input.sourceMessageKey),
        createdAt: now,
        updatedAt: now,
      });
      db.subscriptions.set(doc._id, doc);
      return { subscription: view(doc), created: true };
    },
    async listByCitizen(citizenRef) {
      return all()
        .filter((d) => d.citizenRef === String(citizenRef) && d.active)
        .sort(oldestFirst)
        .map(view);
    },
    async remove(id, citizenRef) {
      if (!isObjectId(id)) return false;
      const d = db.subscriptions.get(id);
      if (!d || d.citizenRef !== String(citizenRef)) return false;
      return db.subscriptions.delete(id);
    },
    async removeAll(citizenRef) {
      const mine = all().filter((d) => d.citizenRef === String(citizenRef));
      for (const d of mine) db.subscriptions.delete(d._id);
      return mine.length;
    },
    async findForZones(zoneIds) {
      const zones = new Set(zoneIds.map(String));
      return all()
        .filter((d) => d.active && d.zoneId !== undefined && zones.has(d.zoneId))
        .sort(oldestFirst)
        .map(view);
    },
  };
}
