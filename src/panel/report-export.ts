/**
 * The report export's content and its two encodings (CSV, GeoJSON), as pure functions.
 *
 * What goes out, and why: the export is for the municipality's own analysis by supervisors, so
 * coordinates stay exact (no rounding like the public Open311 feed) but no identity leaves: no
 * chatId (on WhatsApp it is the phone number), citizenRef, followers, confirmation authors, photo
 * refs, assignee or agents' notes (the source does not even read them, see ExportReport). Citizens'
 * descriptions go out only for categories that are not `sensitive` (config/categories.ts): a
 * description of a suspect, a theft or drug dealing can name or describe people. The citizen's
 * time words ("stanotte") follow the same rule (they are their words); the period read from them
 * (observedFrom/To, observedEvery) is a time like createdAt and goes out for every category.
 *
 * CSV: RFC 4180 (CRLF line ends, fields with `,` `"` CR or LF quoted, quotes doubled), UTF-8 with a
 * BOM so Excel reads accents right, and `,` as the separator (the RFC's, what QGIS, R, pandas and
 * LibreOffice expect; Excel with Italian settings opens it through Data > From Text/CSV). Text
 * cells starting with = + - @ (or a tab or CR, also after leading spaces) get a leading apostrophe,
 * so a spreadsheet never runs a citizen's text as a formula (OWASP "CSV injection"); and every cell
 * holding a `;` or a tab is quoted, and a formula sign right after one gets the apostrophe too:
 * a spreadsheet with Italian settings opened by a double-click splits at `;` (ignoring the RFC's
 * quotes, which only count around its own separator), so `nota;=HYPERLINK(…)` would otherwise
 * become a cell starting with `=`.
 * GeoJSON: RFC 7946 FeatureCollection of Point features, coordinates [lng, lat] in WGS84, which
 * QGIS opens as a point layer.
 */
import type { ExportReport } from '../domain/report-export';
import type { PanelLang } from './panel-messages';
import { categoryLabel, zoneLabel } from './territory-labels';

/** Past this many rows an export is refused with a reason: narrow the filters. */
export const MAX_EXPORT_ROWS = 50_000;

export type ExportContext = {
  lang: PanelLang;
  zoneNames: ReadonlyMap<string, string>;
  isSensitive: (categoryId: string) => boolean;
};

/** The exported fields, in column order (also the GeoJSON properties, lat/lng aside). */
export const EXPORT_COLUMNS = [
  'ticketCode',
  'status',
  'categoryId',
  'category',
  'reliability',
  'priority',
  'zone',
  'zoneName',
  'address',
  'lat',
  'lng',
  'channel',
  'createdAt',
  'takenAt',
  'dispatchedAt',
  'closedAt',
  'outcome',
  'confirmations',
  'description',
  'observedWhen',
  'observedFrom',
  'observedTo',
  'observedEvery',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRecord = Record<ExportColumn, string | number | null>;

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

export function exportRecord(r: ExportReport, ctx: ExportContext): ExportRecord {
  return {
    ticketCode: r.ticketCode,
    status: r.status,
    categoryId: r.categoryId,
    category: categoryLabel(r.categoryId, ctx.lang),
    reliability: r.reliability,
    priority: r.priority,
    zone: r.zone ?? null,
    zoneName: r.zone ? zoneLabel(r.zone, ctx.zoneNames, ctx.lang) : null,
    address: r.address ?? null,
    lat: r.point.lat,
    lng: r.point.lng,
    channel: r.channel,
    createdAt: iso(r.createdAt),
    takenAt: iso(r.takenAt),
    dispatchedAt: iso(r.dispatchedAt),
    closedAt: iso(r.closedAt),
    outcome: r.outcome ?? null,
    confirmations: r.confirmations,
    description: ctx.isSensitive(r.categoryId) ? null : r.description || null,
    observedWhen: ctx.isSensitive(r.categoryId) ? null : (r.observedWhen?.text ?? null),
    observedFrom: iso(r.observedWhen?.from),
    observedTo: iso(r.observedWhen?.to),
    observedEvery: r.observedWhen?.every ?? null,
  };
}

// --- CSV ----------------------------------------------------------------------------------------

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const FORMULA_AFTER_SEPARATOR = /([;\t]\s*)([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
/** The RFC's reasons to quote, and the separators of other locales (`;` in Italian settings, tab). */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV cell: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A reader splitting on `;` or tab (other locales) starts a new cell there: guard those starts too.
  const guarded = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  const text = FORMULA_START.test(guarded) ? `'${guarded}` : guarded;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const csvHeader = () => CSV_BOM + csvLine([...EXPORT_COLUMNS]);
export const csvRow = (rec: ExportRecord) => csvLine(EXPORT_COLUMNS.map((c) => rec[c]));

// --- GeoJSON ------------------------------------------------------------------------------------

export const GEOJSON_HEAD = '{"type":"FeatureCollection","name":"vicinato_segnalazioni","features":[\n';
export const GEOJSON_TAIL = '\n]}\n';

export function geoJsonFeature(rec: ExportRecord): string {
  const { lat, lng, ...properties } = rec;
  return JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });
}
