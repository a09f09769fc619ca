/**
 * The supervisor's picture of the territory: hot zones (zone totals with their trend against the
 * previous window of the same length, and the heat layer), indicators per period and dimension,
 * and the zone outlines the map draws. All read the incrementally kept counters (storage.stats),
 * never the reports. Supervisors and admins only.
 * Each route: session (checked upstream) -> role -> schema -> counters -> presenter.
 */
import { Router } from 'express';
import { previousWindow } from '../domain/analytics';
import type { Territory } from '../geo/territory';
import type { HeatPoint, StatsRepository } from '../storage';
import { langOf, requireRole } from './auth.middleware';
import { allLabel, categoryLabel, channelLabel, zoneLabel } from './territory-labels';
import { hotZonesQuerySchema, indicatorsQuerySchema } from './territory-query.schema';
import { parseOr400 } from './validation';

export type TerritoryRoutesDeps = {
  stats: Pick<StatsRepository, 'hotZones' | 'heat' | 'indicators'>;
  territory: Territory;
  categoryIds: readonly string[];
  timeZone: string;
  now?: () => Date;
};

/** Sums heat cells read per category (the counters keep one heat layer per category and one for all). */
function mergeHeat(layers: HeatPoint[][]): HeatPoint[] {
  const cells = new Map<string, HeatPoint>();
  for (const p of layers.flat()) {
    const key = `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`;
    const cell = cells.get(key);
    if (cell) cell.n += p.n;
    else cells.set(key, { ...p });
  }
  return [...cells.values()].sort((a, b) => b.n - a.n || a.lat - b.lat || a.lng - b.lng);
}

/** A point to write a zone's total on: the mean of its outer ring, if inside the zone, else the ring's first vertex. */
function labelPoint(geometry: { type: string; coordinates: unknown }, zoneId: string, territory: Territory): { lat: number; lng: number } {
  const ring = (
    geometry.type === 'Polygon' ? (geometry.coordinates as number[][][])[0] : (geometry.coordinates as number[][][][])[0][0]
  ).slice(0, -1);
  const mean = { lng: ring.reduce((a, p) => a + p[0], 0) / ring.length, lat: ring.reduce((a, p) => a + p[1], 0) / ring.length };
  return territory.zoneOf(mean)?.id === zoneId ? mean : { lng: ring[0][0], lat: ring[0][1] };
}

export function territoryRoutes(deps: TerritoryRoutesDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const zoneIds = deps.territory.zones().map((z) => z.id);
  const zoneNames = new Map(deps.territory.zones().map((z) => [z.id, z.name]));
  const hotZonesQuery = hotZonesQuerySchema({ categoryIds: deps.categoryIds, timeZone: deps.timeZone, now });
  const indicatorsQuery = indicatorsQuerySchema({ categoryIds: deps.categoryIds, zoneIds, timeZone: deps.timeZone, now });

  router.use(requireRole('supervisor', 'admin'));

  router.get('/hotzones', async (req, res) => {
    const q = parseOr400(hotZonesQuery, req.query, res);
    if (!q) return;
    const lang = langOf(res);
    const window = { from: q.from, to: q.to };
    const [zones, heat] = await Promise.all([
      deps.stats.hotZones({ ...window, categoryId: q.categoryId }),
      q.categoryId
        ? Promise.all(q.categoryId.map((categoryId) => deps.stats.heat({ ...window, categoryId }))).then(mergeHeat)
        : deps.stats.heat(window).then((cells) => mergeHeat([cells])),
    ]);
    const before = previousWindow(q.from, q.to, deps.timeZone);
    const sum = (k: 'received' | 'weighted' | 'previousReceived' | 'previousWeighted') => zones.reduce((a, z) => a + z[k], 0);
    res.json({
      window: { from: q.from.toISOString(), to: q.to.toISOString(), days: q.days },
      // The counters' own definition (see stats.hotZones): as many local days, just before.
      previousWindow: { from: before.from.toISOString(), to: before.to.toISOString() },
      categories: q.categoryId ?? [],
      totals: {
        received: sum('received'),
        weighted: sum('weighted'),
        previousReceived: sum('previousReceived'),
        previousWeighted: sum('previousWeighted'),
      },
      // A zone appears when it had reports in either window.
      zones: zones
        .filter((z) => z.received || z.previousReceived)
        .map((z) => ({
          zone: z.zone,
          zoneName: zoneLabel(z.zone, zoneNames, lang),
          received: z.received,
          weighted: z.weighted,
          previousReceived: z.previousReceived,
          previousWeighted: z.previousWeighted,
          trend: z.trend,
        })),
      heat,
    });
  });

  router.get('/indicators', async (req, res) => {
    const q = parseOr400(indicatorsQuery, req.query, res);
    if (!q) return;
    const lang = langOf(res);
    const rows = await deps.stats.indicators({
      from: q.from,
      to: q.to,
      period: q.period,
      groupBy: q.groupBy,
      categoryId: q.categoryId,
      zone: q.zone,
    });
    const label = (key: string) =>
      q.groupBy === 'category'
        ? categoryLabel(key, lang)
        : q.groupBy === 'zone'
          ? zoneLabel(key, zoneNames, lang)
          : q.groupBy === 'channel'
            ? channelLabel(key, lang)
            : allLabel(lang);
    res.json({
      window: { from: q.from.toISOString(), to: q.to.toISOString(), days: q.days },
      period: q.period,
      groupBy: q.groupBy,
      categories: q.categoryId ?? [],
      zones: q.zone ?? [],
      rows: rows.map((r) => ({ ...r, label: label(r.key) })),
    });
  });

  /** The boundary and the zones as GeoJSON, with a point to write each zone's total on. */
  router.get('/outlines', (_req, res) => {
    const outlines = deps.territory.outlines?.();
    if (!outlines) return void res.json({ boundary: null, zones: { type: 'FeatureCollection', features: [] } });
    res.json({
      boundary: { type: 'Feature', properties: {}, geometry: outlines.boundary },
      zones: {
        type: 'FeatureCollection',
        features: outlines.zones.map((z) => ({
          type: 'Feature',
          properties: { id: z.id, name: z.name, label: labelPoint(z.geometry, z.id, deps.territory) },
          geometry: z.geometry,
        })),
      },
    });
  });

  return router;
}
