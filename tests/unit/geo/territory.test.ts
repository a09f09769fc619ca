import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTerritory, municipalityDir } from '../../../src/geo/territory';

const capannoriDir = municipalityDir('capannori');
const territory = loadTerritory(capannoriDir);

// Places the demo must get right, with the zone each belongs to.
const INSIDE: Array<[place: string, lat: number, lng: number, zoneId: string]> = [
  ['Capannori town hall', 43.8414, 10.5731, 'capannori-centro'],
  ['Lammari', 43.868, 10.555, 'lammari'],
  ['Marlia', 43.887, 10.553, 'marlia'],
  ['Segromigno in Monte', 43.88, 10.59, 'segromigno-in-monte'],
  ['Camigliano', 43.88, 10.62, 'camigliano'],
  ['Lunata', 43.845, 10.56, 'lunata'],
  ['Tassignano', 43.827, 10.578, 'tassignano'],
  ['Pieve di Compito', 43.79, 10.63, 'pieve-di-compito'],
  ['Colle di Compito', 43.795, 10.61, 'colle-di-compito'],
];
const OUTSIDE: Array<[place: string, lat: number, lng: number]> = [
  ['Lucca historic centre', 43.843, 10.5035],
  ['Porcari centre', 43.837, 10.617],
];

describe('Capannori territory', () => {
  it('is named after the municipality and says it is approximate', () => {
    expect(territory.name).toBe('Capannori');
    const boundary = JSON.parse(readFileSync(path.join(capannoriDir, 'boundary.geojson'), 'utf8'));
    expect(boundary.properties.approximate).toBe(true);
    expect(boundary.properties.source).toMatch(/ISTAT/);
  });

  it.each(INSIDE)('contains %s and puts it in its zone', (_place, lat, lng, zoneId) => {
    expect(territory.contains({ lat, lng })).toBe(true);
    expect(territory.zoneOf({ lat, lng })?.id).toBe(zoneId);
  });

  it.each(OUTSIDE)('does not contain %s, which has no zone', (_place, lat, lng) => {
    expect(territory.contains({ lat, lng })).toBe(false);
    expect(territory.zoneOf({ lat, lng })).toBeUndefined();
  });

  it('answers false for a point that is not a number', () => {
    expect(territory.contains({ lat: Number.NaN, lng: 10.57 })).toBe(false);
  });

  it('lists its zones with ids and names', () => {
    const zones = territory.zones();
    expect(zones.length).toBeGreaterThan(0);
    expect(new Set(zones.map((z) => z.id)).size).toBe(zones.length);
    expect(zones.find((z) => z.id === 'capannori-centro')?.name).toBe('Capannori centro');
    for (const [, , , zoneId] of INSIDE) expect(zones.map((z) => z.id)).toContain(zoneId);
  });

  it('has zones that tile the boundary: every inside point in exactly one zone, none outside', () => {
    const zonesFile = JSON.parse(readFileSync(path.join(capannoriDir, 'zones.geojson'), 'utf8'));
    const [minLng, minLat, maxLng, maxLat] = territory.bbox();
    let insideCount = 0;
    // Offsets keep the sample points off the zones' straight edges.
    for (let lng = minLng - 0.01 + 0.000_37; lng <= maxLng + 0.01; lng += 0.003) {
      for (let lat = minLat - 0.01 + 0.000_23; lat <= maxLat + 0.01; lat += 0.003) {
        const hits = zonesFile.features.filter((f: { geometry: never }) =>
          booleanPointInPolygon([lng, lat], f.geometry),
        );
        const inside = territory.contains({ lat, lng });
        expect(hits.length, `zones at ${lat},${lng}`).toBe(inside ? 1 : 0);
        if (inside) insideCount++;
      }
    }
    expect(insideCount).toBeGreaterThan(500);
  });

  it('has a bbox around every place and a centre inside (the town hall)', () => {
    const [minLng, minLat, maxLng, maxLat] = territory.bbox();
    for (const [, lat, lng] of INSIDE) {
      expect(lng).toBeGreaterThanOrEqual(minLng);
      expect(lng).toBeLessThanOrEqual(maxLng);
      expect(lat).toBeGreaterThanOrEqual(minLat);
      expect(lat).toBeLessThanOrEqual(maxLat);
    }
    expect(territory.center()).toEqual({ lat: 43.8414, lng: 10.5731 });
    expect(territory.contains(territory.center())).toBe(true);
  });
});

describe('municipalityDir', () => {
  it('resolves config/municipalities/<name> from the source tree', () => {
    expect(capannoriDir).toBe(path.resolve(import.meta.dirname, '../../../config/municipalities/capannori'));
  });

  it('refuses names that could leave the folder', () => {
    expect(() => municipalityDir('../secrets')).toThrow(/Invalid municipality name/);
  });
});

describe('loadTerritory on bad files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const square = [
    [
      [10, 43],
      [10.1, 43],
      [10.1, 43.1],
      [10, 43.1],
      [10, 43],
    ],
  ];
  const goodBoundary = {
    type: 'Feature',
    properties: { name: 'Test' },
    geometry: { type: 'Polygon', coordinates: square },
  };
  const goodZones = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'all', name: 'All' }, geometry: { type: 'Polygon', coordinates: square } },
    ],
  };

  function territoryDir(boundary: unknown, zones: unknown): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-territory-'));
    const write = (file: string, content: unknown) =>
      writeFileSync(path.join(dir as string, file), typeof content === 'string' ? content : JSON.stringify(content));
    write('boundary.geojson', boundary);
    write('zones.geojson', zones);
    return dir;
  }

  it('loads a minimal valid pair, centre defaulting to the bbox centre', () => {
    const t = loadTerritory(territoryDir(goodBoundary, goodZones));
    expect(t.zoneOf({ lat: 43.05, lng: 10.05 })).toEqual({ id: 'all', name: 'All' });
    expect(t.center().lat).toBeCloseTo(43.05);
    expect(t.center().lng).toBeCloseTo(10.05);
  });

  it('accepts an official-style FeatureCollection holding the one boundary feature', () => {
    const t = loadTerritory(territoryDir({ type: 'FeatureCollection', features: [goodBoundary] }, goodZones));
    expect(t.name).toBe('Test');
  });

  it('names the boundary file when a ring is not closed', () => {
    const open = { ...goodBoundary, geometry: { type: 'Polygon', coordinates: [square[0].slice(0, 4)] } };
    expect(() => loadTerritory(territoryDir(open, goodZones))).toThrow(/boundary\.geojson[\s\S]*ring/);
  });

  it('names the zones file when it is not JSON', () => {
    expect(() => loadTerritory(territoryDir(goodBoundary, '{ "type": "Feature'))).toThrow(/zones\.geojson/);
  });

  it('names the zones file when a zone has no id or a duplicate id', () => {
    const noId = { ...goodZones, features: [{ ...goodZones.features[0], properties: { name: 'All' } }] };
    expect(() => loadTerritory(territoryDir(goodBoundary, noId))).toThrow(/zones\.geojson[\s\S]*id/);
    const twice = { ...goodZones, features: [goodZones.features[0], goodZones.features[0]] };
    expect(() => loadTerritory(territoryDir(goodBoundary, twice))).toThrow(
      /zones\.geojson[\s\S]*duplicate zone id "all"/,
    );
  });

  it('names the boundary file when coordinates are swapped out of range or the centre is outside', () => {
    const swapped = {
      ...goodBoundary,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [43, 100],
            [43, 100.1],
            [43.1, 100],
            [43, 100],
          ],
        ],
      },
    };
    expect(() => loadTerritory(territoryDir(swapped, goodZones))).toThrow(/boundary\.geojson/);
    const farCentre = { ...goodBoundary, properties: { name: 'Test', center: [12, 42] } };
    expect(() => loadTerritory(territoryDir(farCentre, goodZones))).toThrow(/boundary\.geojson[\s\S]*center/);
  });

  it('names the missing file', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-territory-'));
    expect(() => loadTerritory(dir as string)).toThrow(/boundary\.geojson/);
  });
});
