import { Schema, type Connection, type Types } from 'mongoose';
import type { Channel } from '../../domain/message';
import type { SubscriptionKind } from '../../domain/ports';

/** One document of `subscriptions`, as read back (lean). */
export interface SubscriptionDocument {
  _id: Types.ObjectId | string;
  citizenRef: string;
  channel: Channel;
  language?: 'it' | 'en';
  kind: SubscriptionKind;
  center?: { type: 'Point'; coordinates: number[] };
  radiusMeters?: number;
  zoneId?: string;
  label?: string;
  active?: boolean;
  sourceMessageKey: string;
  createdAt: Date;
  updatedAt: Date;
}

const pointSchema = new Schema(
  { type: { type: String, enum: ['Point'], required: true }, coordinates: { type: [Number], required: true } },
  { _id: false },
);

/**
 * Citizens' area alerts ("points of interest"): advisories for a zone ('zone'), or within a radius
 * of a point ('area'). `zoneId` is the zone subscribed to, or for an area the zone its centre lay
 * in when it was made, so an advisory to chosen zones is one indexed query (findForZones).
 * Removing one, or "STOP", deletes the document: a citizen's places are not kept once unwanted.
 * `active` stays for senders that must pause a subscription (e.g. an unreachable chat).
 */
const subscriptionSchema = new Schema(
  {
    citizenRef: { type: String, required: true },
    channel: { type: String, required: true },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
    kind: { type: String, enum: ['area', 'zone'], required: true },
    center: { type: pointSchema, required: false },
    radiusMeters: Number,
    zoneId: String,
    label: String,
    active: { type: Boolean, default: true },
    /** The message that subscribed: a retried turn finds the subscription instead of adding another. */
    sourceMessageKey: { type: String, required: true },
  },
  { timestamps: true },
);
subscriptionSchema.index({ sourceMessageKey: 1 }, { unique: true });
subscriptionSchema.index({ citizenRef: 1, createdAt: 1 });
subscriptionSchema.index({ zoneId: 1, active: 1 });
// Areas around a point: for advisories about a place rather than a zone.
subscriptionSchema.index({ center: '2dsphere' });

export const subscriptionModel = (conn: Connection) => conn.model<SubscriptionDocument>('Subscription', subscriptionSchema, 'subscriptions');
