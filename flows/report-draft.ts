/** The answers of a report being written, as saved in the dialog state (plain JSON). */
import type { GeoPoint } from '../src/domain/message';
import { RELIABILITIES, type Reliability } from '../src/domain/report';

export type DraftLocation = {
  point: GeoPoint;
  address?: string;
  zipcode?: string;
  /** Zone id and name (quartiere/frazione), when the point falls in one. */
  zone?: string;
  zoneName?: string;
};

export type ReportDraft = {
  categoryId?: string;
  /** A category guessed from free text, waiting for "sì"/"no". */
  suggestedCategoryId?: string;
  reliability?: Reliability;
  location?: DraftLocation;
  /** A typed address found by the geocoder, waiting for confirmation. */
  candidateLocation?: DraftLocation;
  photoRefs: string[];
  description?: string;
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

/** True when a stored value is a draft this flow can continue. */
export function isReportDraft(v: unknown): v is ReportDraft {
  return (
    isObject(v) &&
    Array.isArray(v.photoRefs) &&
    v.photoRefs.every(isString) &&
    optional(v.categoryId, isString) &&
    optional(v.suggestedCategoryId, isString) &&
    optional(v.reliability, (r) => RELIABILITIES.includes(r as Reliability)) &&
    optional(v.location, isLocation) &&
    optional(v.candidateLocation, isLocation) &&
    optional(v.description, isString)
  );
}
