/**
 * GeoReport v2 (Open311) public view of a report, as the category's public policy allows
 * (config/open311-policy.ts). Never an identity, a photo, the ticket code, the citizen's words or
 * the exact spot: the id is the report's random public id, the description the copy an agent
 * approved (or empty), the location the zone's centre or a point rounded to about 100 m with the
 * zone's name as address. Sensitive categories, when a municipality publishes them at all, never
 * say that a patrol was sent.
 */
import type { Category } from '../../../config/categories';
import type { Open311Policy } from '../../../config/open311-policy';
import type { GeoPoint } from '../../domain/message';
import type { PublishedReport } from '../../domain/public-reports';
import type { ReportView } from '../../domain/ports';
import { isOpenStatus } from '../../domain/report';

export type GeoReportRequest = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  address: string;
  lat: number;
  long: number;
};

/** What the presenter needs of the territory: a zone's name and centre. */
export type PublicZones = { nameOf(zoneId: string | undefined): string | undefined; centerOf(zoneId: string | undefined): GeoPoint };

/** 3 decimals of a degree: about 110 m of latitude, about 80 m of longitude at 44° N. */
const roundTo100m = (x: number) => Math.round(x * 1000) / 1000;

const STATUS_NOTES: Partial<Record<ReportView['status'], string>> = {
  in_review: 'Presa in carico dalla Polizia Municipale',
  needs_info: 'In esame',
  dispatched: 'Intervento in corso',
  closed: 'Chiusa',
  rejected: 'Non accolta',
  duplicate: 'Già segnalata',
};

/** Sensitive categories: nothing about patrols or questions to the reporter, only "being handled". */
const SENSITIVE_STATUS_NOTES: Partial<Record<ReportView['status'], string>> = {
  in_review: 'In carico alla Polizia Municipale',
  needs_info: 'In carico alla Polizia Municipale',
  dispatched: 'In carico alla Polizia Municipale',
  closed: 'Chiusa',
  rejected: 'Chiusa',
  duplicate: 'Chiusa',
};

/** Times of reports published with a delay are given by the day only. */
const dayOnly = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00Z`;

export function toGeoReport(
  published: PublishedReport,
  category: Category,
  policy: Open311Policy,
  zones: PublicZones,
  agency: string,
): GeoReportRequest {
  const { report } = published;
  const notes = (category.sensitive ? SENSITIVE_STATUS_NOTES : STATUS_NOTES)[report.status];
  const point = policy.location === 'zone' ? zones.centerOf(report.zone) : report.location.point;
  const time = policy.publish === 'closed' ? dayOnly : (d: Date) => d.toISOString();
  return {
    service_request_id: published.publicId,
    status: isOpenStatus(report.status) ? 'open' : 'closed',
    ...(notes ? { status_notes: notes } : {}),
    service_name: category.labels.it,
    service_code: category.open311Code,
    description: category.sensitive ? '' : (published.publicDescription?.text ?? ''),
    agency_responsible: agency,
    requested_datetime: time(report.createdAt),
    updated_datetime: time(report.updatedAt),
    address: zones.nameOf(report.zone) ?? '',
    lat: roundTo100m(point.lat),
    long: roundTo100m(point.lng),
  };
}

export function toGeoReportService(c: Category, policy: Open311Policy) {
  return {
    service_code: c.open311Code,
    service_name: c.labels.it,
    description: `${c.labels.it} / ${c.labels.en}`,
    metadata: false,
    // Published only once closed: a batch listing, not a live one.
    type: policy.publish === 'open' ? 'realtime' : 'batch',
    keywords: c.synonyms.it.slice(0, 5).join(', '),
    group: c.sensitive ? 'sicurezza' : 'decoro',
  };
}
