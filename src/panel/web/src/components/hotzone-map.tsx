/**
 * The hot-zone map: zone outlines coloured by their weight in the window, each zone's total
 * written on it, and the heat layer as circles per ~500 m cell (bigger and darker = more reports).
 * Drawn on a canvas by Leaflet: no heat plugin, no images, nothing the CSP must allow. Tiles come
 * from /api/meta's mapTileUrl; with none reachable, the outlines still give the picture and a note
 * says so. The same figures are in the zone table beside it (the accessible equivalent).
 */
import { useMemo, useRef, useState } from 'react';
import type { Layer, PathOptions } from 'leaflet';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMapEvents } from 'react-leaflet';
import type { HeatCell, HotZone, OutlinesResponse, ZoneOutline } from '../api/territory.types';
import { useTerritoryText } from '../i18n/territory.dictionary';

type Props = {
  outlines: OutlinesResponse | undefined;
  zones: HotZone[];
  heat: HeatCell[];
  /** [minLng, minLat, maxLng, maxLat] of the municipality. */
  bbox: [number, number, number, number];
  /** undefined: not known yet; '': no tile server configured. */
  tileUrl: string | undefined;
};

const ZONE_STROKE = '#12325b';
const ZONE_FILL = '#c8102e';
const CELL_STROKE = '#6f0f12';
const CELL_FILL = '#e4572e';

/** From this zoom on, zone totals carry the zone's name (below it, names of small zones collide). */
const NAMED_TOTALS_ZOOM = 12.5;

function attributionFor(url: string): string | undefined {
  return /openstreetmap\.org/i.test(url) ? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' : undefined;
}

/** Each zone's total on the map: the number alone when zoomed out, "Name: n" when zoomed in. */
function ZoneTotals({ labelled, byZone }: { labelled: ZoneOutline[]; byZone: ReadonlyMap<string, HotZone> }) {
  const tt = useTerritoryText();
  const [zoom, setZoom] = useState<number | undefined>(undefined);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const named = (zoom ?? map.getZoom()) >= NAMED_TOTALS_ZOOM;
  return (
    <>
      {labelled.map((f) => {
        const count = byZone.get(f.properties.id)?.received ?? 0;
        return (
          <CircleMarker
            key={f.properties.id}
            center={[f.properties.label.lat, f.properties.label.lng]}
            radius={0}
            stroke={false}
            interactive={false}
          >
            <Tooltip permanent direction="center" className="zone-total-label">
              <span data-zone={f.properties.id} aria-hidden="true">
                {named ? tt('zoneLabel', { zone: f.properties.name, count }) : count}
              </span>
            </Tooltip>
          </CircleMarker>
        );
      })}
    </>
  );
}

export function HotzoneMap({ outlines, zones, heat, bbox, tileUrl }: Props) {
  const tt = useTerritoryText();
  const [tilesLoaded, setTilesLoaded] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileHandlers = useMemo(() => ({ tileload: () => setTilesLoaded(true), tileerror: () => setTilesFailed(true) }), []);

  const byZone = useMemo(() => new Map(zones.map((z) => [z.zone, z])), [zones]);
  const maxWeighted = Math.max(1, ...zones.map((z) => z.weighted));
  const maxCell = Math.max(1, ...heat.map((c) => c.n));
  // A new function when the figures change: react-leaflet then restyles the outlines in place.
  const zoneStyle = useMemo(
    () =>
      (feature?: { properties?: { id?: string } }): PathOptions => {
        const ratio = (byZone.get(feature?.properties?.id ?? '')?.weighted ?? 0) / maxWeighted;
        return { color: ZONE_STROKE, weight: 1.5, opacity: 0.8, fillColor: ZONE_FILL, fillOpacity: 0.04 + 0.4 * ratio };
      },
    [byZone, maxWeighted],
  );
  // Hovering a zone names it with its figures (read when the tooltip opens: always the latest).
  const latest = useRef({ byZone, tt });
  latest.current = { byZone, tt };
  const bindZoneTooltip = useMemo(
    () => (feature: { properties?: { id?: string; name?: string } }, layer: Layer) =>
      layer.bindTooltip(
        () => {
          const el = document.createElement('span');
          const z = latest.current.byZone.get(feature.properties?.id ?? '');
          el.textContent = latest.current.tt('zoneHover', {
            zone: feature.properties?.name ?? '',
            count: z?.received ?? 0,
            weight: z?.weighted ?? 0,
          });
          return el;
        },
        { sticky: true },
      ),
    [],
  );
  const bounds: [[number, number], [number, number]] = [
    [bbox[1], bbox[0]],
    [bbox[3], bbox[2]],
  ];
  const note = tileUrl === '' ? tt('mapNoTiles') : tileUrl && tilesFailed && !tilesLoaded ? tt('mapTilesFailed') : undefined;
  const labelled: ZoneOutline[] = outlines?.zones.features.filter((f) => (byZone.get(f.properties.id)?.received ?? 0) > 0) ?? [];

  return (
    <figure className="hotzone-map">
      <div className="hotzone-map-frame" role="region" aria-label={tt('mapRegion')} data-testid="hotzone-map">
        <MapContainer bounds={bounds} zoomSnap={0.25} preferCanvas scrollWheelZoom={false} className="map-canvas">
          {tileUrl ? <TileLayer url={tileUrl} attribution={attributionFor(tileUrl)} eventHandlers={tileHandlers} /> : null}
          {outlines?.boundary ? (
            <GeoJSON data={outlines.boundary} style={{ color: ZONE_STROKE, weight: 2.5, fill: false }} interactive={false} />
          ) : null}
          {outlines ? <GeoJSON data={outlines.zones} style={zoneStyle} onEachFeature={bindZoneTooltip} /> : null}
          {heat.map((cell) => {
            const ratio = cell.n / maxCell;
            return (
              <CircleMarker
                key={`${cell.lat.toFixed(5)},${cell.lng.toFixed(5)}`}
                center={[cell.lat, cell.lng]}
                radius={5 + 13 * Math.sqrt(ratio)}
                pathOptions={{ color: CELL_STROKE, weight: 1, fillColor: CELL_FILL, fillOpacity: 0.35 + 0.45 * ratio }}
              >
                <Tooltip>{cell.n === 1 ? tt('cellOne') : tt('cellMany', { count: cell.n })}</Tooltip>
              </CircleMarker>
            );
          })}
          <ZoneTotals labelled={labelled} byZone={byZone} />
        </MapContainer>
      </div>
      <figcaption>
        {note ? (
          <span className="map-note" data-testid="map-note">
            {note}{' '}
          </span>
        ) : null}
        <span className="legend-cell" aria-hidden="true" /> {tt('mapLegendCells')} <span className="legend-zone" aria-hidden="true" />{' '}
        {tt('mapLegendZones')}
      </figcaption>
    </figure>
  );
}
