/** What the report dialog may use of the outside world: ports only, wired by src/main.ts. */
import type { ConfirmationStore, MediaStore, ReportStore, SubscriptionStore } from '../domain/ports';
import type { NearbyQuestionQuota } from '../domain/nearby-question-quota';
import type { Geocoder } from '../geo/geocoder';
import type { Territory } from '../geo/territory';
import type { MunicipalityProfile } from '../../config/municipality';

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
};
