/**
 * Port of citizens' identities: the only place a citizenRef is tied to a chat (reports, confirmations
 * and subscriptions carry only the citizenRef). Implemented by src/storage.
 */
import type { Channel, InboundMessage } from '../message';

export type CitizenIdentity = {
  citizenRef: string;
  channel: Channel;
  chatId: string;
  platformId?: string;
  displayName?: string;
  phone?: string;
  username?: string;
  reachable: boolean;
  lastInboundAt?: Date;
};

export interface IdentityStore {
  /** Records who is behind a citizenRef and when they last wrote. */
  upsertFromInbound(citizenRef: string, msg: InboundMessage): Promise<void>;
  get(citizenRef: string): Promise<CitizenIdentity | null>;
  markUnreachable(channel: Channel, chatId: string): Promise<void>;
}
