/**
 * GeoReport v2 (Open311) public view of a report. No identity, no media (photos are police-only),
 * and for sensitive categories no description, no address and a location rounded to about 100 m,
 * so the public API can never tip anyone off or point at a person.
 */
import type { Category } from '../../../config/categories';
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
  zipcode?: string;
  lat: number;
  long: number;
};

/** 3 decimals of a degree: about 110 m of latitude, about 80 m of longitude at 44° N. */
const roundTo100m = (x: number) => Math.round(x * 1000) / 1000;

const STATUS_NOTES: Partial<Record<ReportView['status'], string>> = {
  in_review: 'Presa in carico dalla Polizia Municipale',
  needs_info: 'In attesa di dettagli dal segnalante',
  dispatched: 'Pattuglia inviata',
  closed: 'Chiusa',
  rejected: 'Non accolta',
  duplicate: 'Già segnalata',
};

export function toGeoReport(report: ReportView, category: Category | undefined, agency: string): GeoReportRequest {
  const sensitive = category?.sensitive ?? true;
  const { lat, lng } = report.location.point;
  return {
    service_request_id: report.ticketCode,
    status: isOpenStatus(report.status) ? 'open' : 'closed',
    ...(STATUS_NOTES[report.status] ? { status_notes: STATUS_NOTES[report.status] } : {}),
    service_name: category?.labels.it ?? report.categoryId,
    service_code: category?.open311Code ?? report.categoryId,
    description: sensitive ? '' : report.description,
    agency_responsible: agency,
    requested_datetime: report.createdAt.toISOString(),
    updated_datetime: report.updatedAt.toISOString(),
    address: sensitive ? '' : (report.address ?? ''),
    ...(report.location.zipcode ? { zipcode: report.location.zipcode } : {}),
    lat: sensitive ? roundTo100m(lat) : lat,
    long: sensitive ? roundTo100m(lng) : lng,
  };
}

export function toGeoReportService(c: Category) {
  return {
    service_code: c.open311Code,
    service_name: c.labels.it,
    description: `${c.labels.it} / ${c.labels.en}`,
    metadata: false,
    type: 'realtime',
    keywords: c.synonyms.it.slice(0, 5).join(', '),
    group: c.sensitive ? 'sicurezza' : 'decoro',
  };
}
