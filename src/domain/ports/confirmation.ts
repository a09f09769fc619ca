/** Port of the confirmations ("same situation") and followers of a report, and of merging duplicates. Implemented by src/storage. */
import type { Channel, GeoPoint } from '../message';
import type { Reliability } from '../report';
import type { ReportView } from './report';

/** A citizen's "it is the same situation" on another citizen's open report, kept for the police. */
export type NewConfirmation = {
  /** The citizen's message that confirmed; with `channel`, the idempotency key of the confirmation. */
  messageId: string;
  at: Date;
  citizenRef: string;
  channel: Channel;
  language: 'it' | 'en';
  /** How the confirming citizen knows. */
  reliability: Reliability;
  /** The confirming citizen's own description (police only, like the report's). */
  description: string;
  /** Their photos; also attached to the report's photoRefs. */
  photoRefs: string[];
  /** Where they placed it (police only). */
  point?: GeoPoint;
};

export type Confirmation = NewConfirmation & {
  /** false for a further confirmation by a citizen already counted (kept, not counted twice). */
  counted: boolean;
};

/**
 * A citizen who gets a report's status updates without having sent it: everyone who confirmed it
 * (and, once merging exists, the senders of reports merged into it). A status notifier sends each
 * update to the report's own citizen AND to every follower, in the follower's language.
 */
export type ReportFollower = { citizenRef: string; channel: Channel; language: 'it' | 'en'; since: Date };

/** A report with its confirmations and followers (police only: they carry citizens' references). */
export type ConfirmedReportView = ReportView & {
  confirmationsList: Confirmation[];
  followers: ReportFollower[];
  lastConfirmedAt?: Date;
};

export type PriorityScore = { score: number; factors: Record<string, number> };

export type AddConfirmationResult =
  { ok: true; report: ConfirmedReportView; added: boolean } | { ok: false; reason: 'not_found' | 'not_open' };

export interface ConfirmationStore {
  /**
   * Adds a confirmation to an open report, once per channel+messageId (a retry returns
   * `added: false` and changes nothing): `confirmations` counts distinct citizens (the reporter
   * excluded), the citizen becomes a follower, their photos join the report's, and `rescore` (the
   * priority from the updated report) is stored. A report no longer open answers `not_open`.
   */
  addConfirmation(
    reportId: string,
    confirmation: NewConfirmation,
    rescore?: (report: ConfirmedReportView) => PriorityScore,
  ): Promise<AddConfirmationResult>;
  get(reportId: string): Promise<ConfirmedReportView | null>;
  /** Open or closed reports the citizen follows (confirmed), newest first: for their "stato". */
  listFollowed(citizenRef: string, limit: number): Promise<ReportView[]>;
}

export type MergeResult =
  | {
      ok: true;
      /** The report merged into, as stored after the merge. */
      report: ConfirmedReportView;
      /** false when this duplicate had been merged before (a retry changes nothing). */
      merged: boolean;
      /** What this call added: counted confirmations, followers, photos. */
      added: { confirmations: number; followers: number; photos: number };
    }
  | { ok: false; reason: 'not_found' | 'same_report' };

export interface ReportMergeStore {
  /**
   * Merges report `duplicateId` into `originalId`, once per duplicate: the original gains the
   * duplicate's photos, the details its citizen sent, the duplicate itself as a confirmation (its
   * citizen, reliability, description and photos) and the duplicate's confirmations; the duplicate's
   * citizen and followers become followers (once per citizen, never the original's own citizen);
   * `confirmations` grows by the citizens new to the original; `rescore` is stored as in
   * ConfirmationStore.addConfirmation. The duplicate's status is not changed here.
   */
  mergeInto(duplicateId: string, originalId: string, rescore?: (report: ConfirmedReportView) => PriorityScore): Promise<MergeResult>;
  /**
   * Undoes mergeInto (the duplicate was reopened: not the same situation after all): what came from
   * the duplicate leaves the original, `confirmations` is recounted, and the duplicate's citizens stop
   * following the original unless they confirmed it themselves. `unmerged: false` when it was not merged.
   */
  unmerge(
    duplicateId: string,
    originalId: string,
    rescore?: (report: ConfirmedReportView) => PriorityScore,
  ): Promise<{ ok: true; report: ConfirmedReportView; unmerged: boolean } | { ok: false; reason: 'not_found' }>;
}
