/** The answers of a report being written, as saved in the dialog state (plain JSON). */
import type { GeoPoint } from '../src/domain/message';
import { isObservedWhenJson, type ObservedWhenJson } from '../src/domain/observed-when';
import { RELIABILITIES, type Reliability } from '../src/domain/report';

export type DraftLocation = {
  point: GeoPoint;
  address?: string;
  zipcode?: string;
  /** Zone id and name (quartiere/frazione), when the point falls in one. */
  zone?: string;
  zoneName?: string;
};

/** An open report of the same category nearby, shown before sending (category and zone only). */
export type NearbyReport = {
  reportId: string;
  categoryId: string;
  /** A state saved before streets were withheld may still carry one; it is never shown. */
  street?: string;
  zoneName?: string;
  /** ISO time the report was received. */
  createdAt: string;
};

/** What the area alerts menu keeps between its questions (cleared when it ends). */
export type AlertDraft = {
  /** A place being subscribed to, waiting for the radius. */
  center?: GeoPoint;
  zoneId?: string;
  zoneName?: string;
  street?: string;
  /** The subscriptions offered for removal, as shown (id and wording). */
  choices?: Array<{ id: string; what: string }>;
};

/** Adding to an open report (flows/follow-up.ts): what waits to be added, the reports offered, the one chosen. */
export type FollowUpDraft = {
  /** The photo or text that prompted "add it to VIC-…?" (absent after «aggiungi»). */
  pending?: { messageId: string; at: string; text?: string; mediaRef?: string };
  choices?: Array<{ id: string; ticket: string }>;
  /** The report being added to, and when the last addition came (ISO). */
  reportId?: string;
  ticket?: string;
  lastAt?: string;
};

export type ReportDraft = {
  categoryId?: string;
  /** A category guessed from free text, waiting for "sì"/"no". */
  suggestedCategoryId?: string;
  /** Two likely categories, waiting for the citizen's pick ("Intendi X oppure Y?"). */
  eitherCategoryIds?: string[];
  /** Written in one message (flows/one-message.ts): the description is that message; no photo or description question. */
  oneMessage?: boolean;
  /** A first contact's text (or photo caption), read as a report once the privacy notice is accepted (dropped if refused). */
  firstText?: string;
  /** The photo that caption came with (already saved by the channel, police only). */
  firstPhotoRef?: string;
  /** When that first message was received (ISO): its time words are read relative to it. */
  firstAt?: string;
  reliability?: Reliability;
  location?: DraftLocation;
  /** A typed address found by the geocoder, waiting for confirmation. */
  candidateLocation?: DraftLocation;
  /**
   * A frazione or known place the first message named without a street ("nel parcheggio della coop
   * di Lunata"): the place question asks where in it, and a street typed then is looked up in it.
   */
  area?: string;
  photoRefs: string[];
  description?: string;
  /**
   * When the citizen says it was observed: the time words of the one-message report or of the
   * description answer, resolved at that message's time (src/nlp/time-words.ts).
   */
  observedWhen?: ObservedWhenJson;
  /** Found when the citizen chose "Invia": waiting for "same situation?". */
  nearby?: NearbyReport;
  /** The area alerts menu's own answers; not part of the report. */
  alert?: AlertDraft;
  /** Adding to an open report; not part of a new report. */
  followUp?: FollowUpDraft;
};

export const emptyDraft = (): ReportDraft => ({ photoRefs: [] });

export const isDraftEmpty = (d: ReportDraft): boolean =>
  !d.categoryId &&
  !d.suggestedCategoryId &&
  !d.reliability &&
  !d.location &&
  !d.candidateLocation &&
  d.photoRefs.length === 0 &&
  !d.description;
// `nearby` only exists with a full draft, and `alert` belongs to the alerts menu: neither is a report to resume.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);
const isString = (v: unknown) => typeof v === 'string';

function isLocation(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.point)) return false;
  const { lat, lng } = v.point;
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    optional(v.address, isString) &&
    optional(v.zipcode, isString) &&
    optional(v.zone, isString) &&
    optional(v.zoneName, isString)
  );
}

const isPoint = (v: unknown): boolean => isObject(v) && typeof v.lat === 'number' && typeof v.lng === 'number';

function isNearby(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.reportId) &&
    isString(v.categoryId) &&
    isString(v.createdAt) &&
    optional(v.street, isString) &&
    optional(v.zoneName, isString)
  );
}

function isAlertDraft(v: unknown): boolean {
  return (
    isObject(v) &&
    optional(v.center, isPoint) &&
    optional(v.zoneId, isString) &&
    optional(v.zoneName, isString) &&
    optional(v.street, isString) &&
    optional(v.choices, (c) => Array.isArray(c) && c.every((x) => isObject(x) && isString(x.id) && isString(x.what)))
  );
}

/** True when a stored value is a draft this flow can continue. */
export function isReportDraft(v: unknown): v is ReportDraft {
  return (
    isObject(v) &&
    Array.isArray(v.photoRefs) &&
    v.photoRefs.every(isString) &&
    optional(v.categoryId, isString) &&
    optional(v.suggestedCategoryId, isString) &&
    optional(v.eitherCategoryIds, (ids) => Array.isArray(ids) && ids.every(isString)) &&
    optional(v.oneMessage, (b) => typeof b === 'boolean') &&
    optional(v.firstText, isString) &&
    optional(v.firstPhotoRef, isString) &&
    optional(v.firstAt, (t) => isString(t) && !Number.isNaN(Date.parse(t as string))) &&
    optional(v.reliability, (r) => RELIABILITIES.includes(r as Reliability)) &&
    optional(v.location, isLocation) &&
    optional(v.candidateLocation, isLocation) &&
    optional(v.area, isString) &&
    optional(v.description, isString) &&
    optional(v.observedWhen, isObservedWhenJson) &&
    optional(v.nearby, isNearby) &&
    optional(v.alert, isAlertDraft) &&
    optional(v.followUp, isObject)
  );
}
