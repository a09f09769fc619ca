/**
 * A municipality's territory: its boundary (is this report ours?) and its zones (which area
 * does it belong to?), loaded from `config/municipalities/<name>/{boundary,zones}.geojson`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import type { GeoPoint } from '../domain/message';

export type Zone = { id: string; name: string };
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface Territory {
  /** The municipality's display name (boundary property `name`). */
  name: string;
  /** True when the point is inside the boundary (a point on the edge counts as inside). */
  contains(p: GeoPoint): boolean;
  /** The zone the point falls in; undefined outside the boundary or in a gap between zones. */
  zoneOf(p: GeoPoint): Zone | undefined;
  zones(): Zone[];
  bbox(): BBox;
  /** Boundary property `center` ([lng, lat], e.g. the town hall) or else the bbox centre. */
  center(): GeoPoint;
  /** The boundary and zone polygons as GeoJSON geometries (for maps); optional for fakes. */
  outlines?(): TerritoryOutlines;
}

export type OutlineGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
export type TerritoryOutlines = { boundary: OutlineGeometry; zones: Array<{ id: string; name: string; geometry: OutlineGeometry }> };

const BOUNDARY_FILE = 'boundary.geojson';
const ZONES_FILE = 'zones.geojson';
// The folder of a municipality's data is owned by config/municipality.ts.
export { municipalityDir } from '../../config/municipality';

// --- GeoJSON shapes (RFC 7946), only what a territory needs -------------------------------------

// [lng, lat] with an optional altitude, which is ignored.
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number());
const linearRing = z
  .array(position)
  .min(4, 'a linear ring needs at least 4 positions')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], {
    message: 'a linear ring must end where it starts',
  });
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) });
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRing).min(1)).min(1),
});
const areal = z.discriminatedUnion('type', [polygon, multiPolygon]);
type Areal = z.infer<typeof areal>;

const boundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    name: z.string().min(1),
    center: position.optional(),
  }),
  geometry: areal,
});
// An official export (ISTAT via ogr2ogr) is usually a FeatureCollection of one feature.
const boundaryFile = z.union([boundaryFeature, z.object({ type: z.literal('FeatureCollection'), features: z.tuple([boundaryFeature]) })]);

const zoneFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'zone id must be kebab-case'),
    name: z.string().min(1),
  }),
  geometry: areal,
});
const zonesFile = z.object({ type: z.literal('FeatureCollection'), features: z.array(zoneFeature).min(1) }).superRefine((fc, ctx) => {
  const seen = new Set<string>();
  fc.features.forEach((f, i) => {
    if (seen.has(f.properties.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate zone id "${f.properties.id}"`, path: ['features', i] });
    }
    seen.add(f.properties.id);
  });
});

function readGeoJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Malformed GeoJSON in ${file}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

// ------------------------------------------------------------------------------------------------

function boundingBox(geometry: Areal): BBox {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of rings.flat()) {
    box[0] = Math.min(box[0], lng);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lng);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

const isPoint = (p: GeoPoint) => Number.isFinite(p.lat) && Number.isFinite(p.lng);
const inside = (p: GeoPoint, g: Areal) => booleanPointInPolygon([p.lng, p.lat], g);

/** Reads and validates `<dir>/boundary.geojson` and `<dir>/zones.geojson`; throws naming the bad file. */
export function loadTerritory(dir: string): Territory {
  const boundaryPath = path.join(dir, BOUNDARY_FILE);
  const parsed = readGeoJson(boundaryPath, boundaryFile);
  const boundary = parsed.type === 'FeatureCollection' ? parsed.features[0] : parsed;
  const zoneFeatures = readGeoJson(path.join(dir, ZONES_FILE), zonesFile).features;

  const box = boundingBox(boundary.geometry);
  const contains = (p: GeoPoint) => isPoint(p) && inside(p, boundary.geometry);

  const configuredCenter = boundary.properties.center;
  const center: GeoPoint = configuredCenter
    ? { lng: configuredCenter[0], lat: configuredCenter[1] }
    : { lng: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2 };
  if (configuredCenter && !contains(center)) {
    throw new Error(`Malformed GeoJSON in ${boundaryPath}: properties.center [lng, lat] lies outside the boundary`);
  }

  const zones = zoneFeatures.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
  return {
    name: boundary.properties.name,
    contains,
    zoneOf(p) {
      if (!contains(p)) return undefined;
      const zone = zones.find((z) => inside(p, z.geometry));
      return zone && { id: zone.id, name: zone.name };
    },
    zones: () => zones.map(({ id, name }) => ({ id, name })),
    bbox: () => [...box],
    center: () => ({ ...center }),
    outlines: () => ({
      boundary: structuredClone(boundary.geometry) as OutlineGeometry,
      zones: zones.map((z) => ({ id: z.id, name: z.name, geometry: structuredClone(z.geometry) as OutlineGeometry })),
    }),
  };
}
