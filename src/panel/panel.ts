/** Placeholder until the operator panel lands: the panel's routers and their shutdown. */
import type { Config } from '../../config/env';
import type { MunicipalityProfile } from '../../config/municipality';
import type { EventBus, JobScheduler, MediaStore } from '../domain/ports';
import type { Territory } from '../geo/territory';
import type { Logger } from '../log/logger';
import type { Storage } from '../storage';
import type { Mount } from './app';

export type PanelDeps = {
  config: Config;
  logger: Logger;
  storage: Storage;
  media: MediaStore;
  events: EventBus;
  scheduler: JobScheduler;
  municipality: MunicipalityProfile;
  territory: Territory;
};

export function createPanel(_deps: PanelDeps): { mounts: Mount[]; close(): Promise<void> } {
  return { mounts: [], close: async () => undefined };
}
