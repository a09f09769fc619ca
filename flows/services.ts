/** What the report flow's steps may use of the outside world: ports only, wired by src/main.ts (the generic engine in src/dialog never sees them). */
import type { RetentionPolicy } from '../src/domain/ports';
import type { AuditLog, CitizenDataStore, ConfirmationStore, MediaStore, ReportStore, SubscriptionStore } from '../src/domain/ports';
import type { NearbyQuestionQuota } from '../src/domain/nearby-question-quota';
import type { Geocoder } from '../src/geo/geocoder';
import type { Territory } from '../src/geo/territory';
import type { MunicipalityProfile } from '../config/municipality';

export type DialogServices = {
  reports: ReportStore;
  media: MediaStore;
  geocoder: Geocoder;
  territory: Territory;
  municipality: MunicipalityProfile;
  /** "Same situation" confirmations of open reports nearby. */
  confirmations: ConfirmationStore;
  /** Area alerts ("avvisi"). */
  subscriptions: SubscriptionStore;
  /** Rations the "same situation?" question per citizen and day. */
  nearbyQuestions: NearbyQuestionQuota;
  /** The citizen's data as a whole, for their rights through the bot (flows/data-rights.ts). */
  citizenData: CitizenDataStore;
  /** Per-citizen abuse limits (config CITIZEN_REPORTS_PER_DAY). */
  limits: { reportsPerDay: number };
  /** The retention policy, stated in the privacy notice (config RETENTION_*). */
  retention: RetentionPolicy;
  /** Rights exercised are audited. */
  audit: Pick<AuditLog, 'record'>;
  /** After a report is sent: photos it may hold, the after-close answer's rules (config REPORT_MAX_PHOTOS, RESOLUTION_*). */
  care?: CareSettings;
};

export type CareSettings = { maxPhotos: number; reopenDays: number; notSolved: 'reopen' | 'follow_up' };
/** The settings' defaults (config/env.ts), for wirings that do not pass them. */
export const DEFAULT_CARE: CareSettings = { maxPhotos: 5, reopenDays: 7, notSolved: 'reopen' };
