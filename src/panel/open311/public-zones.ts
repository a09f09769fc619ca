/** Zone names and centres for the public API: a zone-level location is the centre of the zone's bounding box. */
import type { GeoPoint } from '../../domain/message';
import type { OutlineGeometry, Territory } from '../../geo/territory';
import type { PublicZones } from './open311.presenter';

function boxCentre(geometry: OutlineGeometry): GeoPoint {
  const positions = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const lngs = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
}

export function publicZones(territory: Territory): PublicZones {
  const outlines = territory.outlines?.().zones ?? [];
  const centres = new Map(outlines.map((z) => [z.id, boxCentre(z.geometry)]));
  const names = new Map(territory.zones().map((z) => [z.id, z.name]));
  return {
    nameOf: (zoneId) => (zoneId ? names.get(zoneId) : undefined),
    // A report outside every zone is placed at the municipality's centre.
    centerOf: (zoneId) => (zoneId && centres.get(zoneId)) || territory.center(),
  };
}
