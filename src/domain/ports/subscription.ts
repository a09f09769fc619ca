/** Port of citizens' area alerts ("avvisi"). Implemented by src/storage. */
import type { Channel, GeoPoint } from '../message';

export type SubscriptionKind = 'area' | 'zone';

/** A citizen's area alert ("point of interest"): advisories for a zone, or around a point. */
export type NewSubscription = {
  citizenRef: string;
  channel: Channel;
  language: 'it' | 'en';
  kind: SubscriptionKind;
  /** kind 'area': the centre and radius. */
  center?: GeoPoint;
  radiusMeters?: number;
  /**
   * kind 'zone': the zone subscribed to. kind 'area': the zone the centre lies in at subscription
   * time (territory.zoneOf), so an advisory sent to that zone reaches it; absent when the centre
   * lies in no zone.
   */
  zoneId?: string;
  /** What the citizen is shown for it, e.g. "Via del Popolo, Lammari" (no house number). */
  label?: string;
  /** The message that subscribed: a retried turn finds the subscription instead of adding another. */
  sourceMessageKey: string;
};

export type Subscription = NewSubscription & { id: string; createdAt: Date; active: boolean };

export interface SubscriptionStore {
  /** Adds the subscription once per sourceMessageKey. */
  add(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  /** The citizen's active subscriptions, oldest first. */
  listByCitizen(citizenRef: string): Promise<Subscription[]>;
  /** Deletes one of the citizen's subscriptions; false when it is not theirs or already gone. */
  remove(id: string, citizenRef: string): Promise<boolean>;
  /** Deletes all of the citizen's subscriptions ("STOP"); returns how many there were. */
  removeAll(citizenRef: string): Promise<number>;
  /**
   * For an advisory to these zones: every active subscription whose zone is one of them, or whose
   * area's centre lay in one of them when it was made (see NewSubscription.zoneId). A citizen may
   * have several: the sender sends once per citizen.
   */
  findForZones(zoneIds: string[]): Promise<Subscription[]>;
}
