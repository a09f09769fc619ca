/** Citizens' area alerts (see subscription.model.ts). Every value from a citizen is cast before a query. */
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { NewSubscription, Subscription, SubscriptionStore } from '../../domain/ports';
import type { Channel } from '../../domain/message';
import { subscriptionModel, type SubscriptionDocument } from '../models/subscription.model';
import { isDuplicateKeyError } from './mongo-errors';


export function toSubscription(d: SubscriptionDocument): Subscription {
  return {
    id: String(d._id),
    citizenRef: d.citizenRef,
    channel: d.channel,
    language: d.language ?? 'it',
    kind: d.kind,
    ...(d.center?.coordinates ? { center: { lng: d.center.coordinates[0], lat: d.center.coordinates[1] } } : {}),
    ...(typeof d.radiusMeters === 'number' ? { radiusMeters: d.radiusMeters } : {}),
    ...(d.zoneId ? { zoneId: d.zoneId } : {}),
    ...(d.label ? { label: d.label } : {}),
    sourceMessageKey: d.sourceMessageKey,
    createdAt: d.createdAt,
    active: d.active !== false,
  };
}

export function createSubscriptionRepository(conn: Connection): SubscriptionStore {
  const Sub = subscriptionModel(conn);

  const findBySource = (key: string) => Sub.findOne({ sourceMessageKey: String(key) }).lean<SubscriptionDocument>();

  return {
    async add(input: NewSubscription) {
      const existing = await findBySource(input.sourceMessageKey);
      if (existing) return { subscription: toSubscription(existing), created: false };
      try {
        const doc = await Sub.create({
          citizenRef: String(input.citizenRef),
          channel: String(input.channel) as Channel,
          language: input.language,
          kind: input.kind,
          ...(input.center ? { center: { type: 'Point', coordinates: [Number(input.center.lng), Number(input.center.lat)] } } : {}),
          ...(input.radiusMeters !== undefined ? { radiusMeters: Number(input.radiusMeters) } : {}),
          ...(input.zoneId ? { zoneId: String(input.zoneId) } : {}),
          ...(input.label ? { label: String(input.label) } : {}),
          sourceMessageKey: String(input.sourceMessageKey),
        });
        return { subscription: toSubscription(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const again = await findBySource(input.sourceMessageKey);
        if (!again) throw err;
        return { subscription: toSubscription(again), created: false };
      }
    },

    async listByCitizen(citizenRef) {
      const docs = await Sub.find({ citizenRef: String(citizenRef), active: true })
        .sort({ createdAt: 1, _id: 1 })
        .lean<SubscriptionDocument[]>();
      return docs.map(toSubscription);
    },

    async remove(id, citizenRef) {
      if (!Types.ObjectId.isValid(id)) return false;
      const result = await Sub.deleteOne({ _id: String(id), citizenRef: String(citizenRef) });
      return result.deletedCount === 1;
    },

    async removeAll(citizenRef) {
      const result = await Sub.deleteMany({ citizenRef: String(citizenRef) });
      return result.deletedCount;
    },

    async findForZones(zoneIds) {
      const zones = [...new Set(zoneIds.map(String))];
      if (zones.length === 0) return [];
      const docs = await Sub.find({ zoneId: zones.length === 1 ? zones[0] : { $in: zones }, active: true })
        .sort({ createdAt: 1, _id: 1 })
        .lean<SubscriptionDocument[]>();
      return docs.map(toSubscription);
    },
  };
}
