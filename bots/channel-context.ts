/** Everything a channel adapter may use, handed over by the composition root. */
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Config, ServiceRole } from '../config/env';
import type { AudioStore, EventBus, IdentityStore, MediaStore, OutboundLog } from '../src/domain/ports';
import type { ReceiveMessage } from '../src/app/intake/receive-message';
import type { Logger } from '../src/log/logger';

export type ChannelContext = {
  config: Config;
  roles: ServiceRole[];
  logger: Logger;
  /** Stores an inbound message in the inbox and schedules it: await it before acknowledging the platform. */
  receive: ReceiveMessage;
  media: MediaStore;
  /** Voice notes' store: present only when SPEECH_TO_TEXT_URL is set; without it voice notes stay `other`. */
  audio?: AudioStore;
  outbound: OutboundLog;
  identities: IdentityStore;
  events: EventBus;
  /** For channel-level locks and throttles (keys under config.REDIS_PREFIX). */
  redis: Redis;
  /** For stores that need MongoDB directly (whatsapp-web.js RemoteAuth). */
  mongo: Connection;
};
