/**
 * The report's pin on a Leaflet map. Tiles come from /api/meta's mapTileUrl; when there is none or
 * none loads (offline, blocked), the map still shows the pin on a blank background, with a note,
 * and the coordinates are always written out beside it.
 */
import { useMemo, useState } from 'react';
import L from 'leaflet';
import { MapContainer, Marker, TileLayer } from 'react-leaflet';
import { useI18n } from '../i18n/i18n';

const ZOOM = 16;
// A CSS-drawn pin: no image files to resolve, nothing for the CSP to allow.
const PIN = L.divIcon({ className: 'map-pin', html: '<span class="map-pin-dot"></span>', iconSize: [28, 28], iconAnchor: [14, 28] });

function attributionFor(url: string): string | undefined {
  return /openstreetmap\.org/i.test(url) ? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' : undefined;
}

/** `tileUrl` undefined: not known yet (meta loading); empty string: no tile server configured. */
export function ReportMap({ lat, lng, tileUrl }: { lat: number; lng: number; tileUrl: string | undefined }) {
  const { t } = useI18n();
  const [tilesLoaded, setTilesLoaded] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const handlers = useMemo(() => ({ tileload: () => setTilesLoaded(true), tileerror: () => setTilesFailed(true) }), []);
  const note = tileUrl === '' ? t('mapNoTiles') : tileUrl && tilesFailed && !tilesLoaded ? t('mapTilesFailed') : undefined;
  return (
    <figure className="report-map">
      <div className="map-frame" role="region" aria-label={t('mapLabel')} data-testid="report-map">
        <MapContainer center={[lat, lng]} zoom={ZOOM} scrollWheelZoom={false} className="map-canvas">
          {tileUrl ? <TileLayer url={tileUrl} attribution={attributionFor(tileUrl)} eventHandlers={handlers} /> : null}
          <Marker position={[lat, lng]} icon={PIN} title={t('mapPin')} alt={t('mapPin')} />
        </MapContainer>
      </div>
      <figcaption>
        {note ? (
          <span className="map-note" data-testid="map-note">
            {note}{' '}
          </span>
        ) : null}
        <span>
          {t('fieldCoordinates')}: {lat.toFixed(5)}, {lng.toFixed(5)}
        </span>
      </figcaption>
    </figure>
  );
}
