/**
 * How often one citizen has been asked "is it the same situation?" on one day. The question tells
 * that someone else reported something nearby, so it is rationed per citizen (see flows/nearby.ts).
 */
export type NearbyQuestionQuota = {
  /** Counts one more question for the citizen on `day` (YYYY-MM-DD, local); returns the day's count including it. */
  take(citizenRef: string, day: string): Promise<number>;
};
