/**
 * A fake Nominatim on 127.0.0.1 speaking the real HTTP protocol (`/search` and `/reverse` with
 * `format=json`), so the geocoder adapter is tested through node-geocoder and a real socket.
 * It knows a handful of places in and around Capannori, records every request and can be
 * switched to answer 500 or never answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeNominatimMode = 'normal' | 'error' | 'hang';

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
};

export type FakeNominatim = {
  url: string;
  requests: RecordedRequest[];
  setMode(m: FakeNominatimMode): void;
  close(): Promise<void>;
};

type Address = Record<string, string>;
type KnownPlace = { osmId: number; lat: number; lon: number; category: string; type: string; address: Address };

// Address parts as Nominatim names them (addressdetails=1), most local first.
const PLACES: KnownPlace[] = [
  {
    osmId: 101,
    lat: 43.8414,
    lon: 10.5731,
    category: 'amenity',
    type: 'townhall',
    address: {
      amenity: 'Comune di Capannori',
      house_number: '1',
      road: 'Piazza Aldo Moro',
      village: 'Capannori',
      town: 'Capannori',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55012',
      country: 'Italia',
      country_code: 'it',
    },
  },
  {
    // A real street of Capannori's centre, for one-message reports ("in via Carlo Piaggia a Capannori").
    osmId: 104,
    lat: 43.8421,
    lon: 10.5722,
    category: 'highway',
    type: 'residential',
    address: {
      road: 'Via Carlo Piaggia',
      village: 'Capannori',
      town: 'Capannori',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55012',
      country: 'Italia',
      country_code: 'it',
    },
  },
  {
    osmId: 102,
    lat: 43.868,
    lon: 10.555,
    category: 'highway',
    type: 'residential',
    address: {
      road: 'Via del Popolo',
      village: 'Lammari',
      town: 'Capannori',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55013',
      country: 'Italia',
      country_code: 'it',
    },
  },
  // The same street name in two frazioni, as in many Italian municipalities: Lammari's is listed
  // first, so a search that does not name the frazione finds Lammari's.
  {
    osmId: 105,
    lat: 43.8695,
    lon: 10.5515,
    category: 'highway',
    type: 'residential',
    address: {
      road: 'Via della Chiesa',
      village: 'Lammari',
      town: 'Capannori',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55013',
      country: 'Italia',
      country_code: 'it',
    },
  },
  {
    osmId: 106,
    lat: 43.9005,
    lon: 10.5855,
    category: 'highway',
    type: 'residential',
    address: {
      road: 'Via della Chiesa',
      village: 'Segromigno in Monte',
      town: 'Capannori',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55018',
      country: 'Italia',
      country_code: 'it',
    },
  },
  {
    osmId: 103,
    lat: 43.843,
    lon: 10.5035,
    category: 'place',
    type: 'square',
    address: {
      road: 'Piazza Napoleone',
      suburb: 'Centro Storico',
      city: 'Lucca',
      county: 'Lucca',
      state: 'Toscana',
      postcode: '55100',
      country: 'Italia',
      country_code: 'it',
    },
  },
];

const tokens = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const ADDRESS_ORDER = ['amenity', 'house_number', 'road', 'suburb', 'village', 'town', 'city', 'county', 'state', 'postcode', 'country'];
const displayName = (a: Address) =>
  ADDRESS_ORDER.filter((k) => a[k])
    .map((k) => a[k])
    .filter((v, i, all) => i === 0 || all[i - 1] !== v) // "Capannori, Capannori" -> once
    .join(', ');

function toJson(place: KnownPlace, withAddress: boolean) {
  const d = 0.0005;
  return {
    place_id: 1000 + place.osmId,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'node',
    osm_id: place.osmId,
    lat: String(place.lat),
    lon: String(place.lon),
    class: place.category,
    type: place.type,
    importance: 0.3,
    display_name: displayName(place.address),
    ...(withAddress ? { address: place.address } : {}),
    boundingbox: [place.lat - d, place.lat + d, place.lon - d, place.lon + d].map(String),
  };
}

/** Every query word must appear among the place's words (order and punctuation ignored). */
function search(q: Record<string, string>) {
  const wanted = tokens(q.q ?? '');
  const countries = q.countrycodes?.toLowerCase().split(',');
  const box = q.viewbox?.split(',').map(Number);
  const bounded = q.bounded === '1' && box?.length === 4;
  const found = PLACES.filter((p) => {
    const have = new Set(tokens(Object.values(p.address).join(' ')));
    if (!wanted.every((t) => have.has(t))) return false;
    if (countries && !countries.includes(p.address.country_code)) return false;
    if (bounded && box) {
      const [lng1, lat1, lng2, lat2] = box;
      const inLng = p.lon >= Math.min(lng1, lng2) && p.lon <= Math.max(lng1, lng2);
      const inLat = p.lat >= Math.min(lat1, lat2) && p.lat <= Math.max(lat1, lat2);
      if (!inLng || !inLat) return false;
    }
    return true;
  });
  const limit = Number(q.limit ?? 10);
  return found.slice(0, Number.isFinite(limit) && limit > 0 ? limit : 10);
}

/** The nearest known place within ~150 m, as Nominatim snaps a point to the nearest object. */
function reverse(lat: number, lon: number): KnownPlace | undefined {
  const metres = (p: KnownPlace) => {
    const dy = (p.lat - lat) * 111_320;
    const dx = (p.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
    return Math.hypot(dx, dy);
  };
  const nearest = [...PLACES].sort((a, b) => metres(a) - metres(b))[0];
  return nearest && metres(nearest) <= 150 ? nearest : undefined;
}

export async function startFakeNominatim(): Promise<FakeNominatim> {
  let mode: FakeNominatimMode = 'normal';
  const requests: RecordedRequest[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers });

    if (mode === 'hang') return; // keep the socket open and never answer
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (mode === 'error') return send(500, { error: { code: 500, message: 'Internal Server Error' } });
    if (query.format !== 'json' && query.format !== 'jsonv2') {
      return send(400, { error: { code: 400, message: 'Parameter "format" must be json here' } });
    }
    const withAddress = query.addressdetails === '1';

    if (url.pathname === '/search') {
      if (!query.q) return send(400, { error: { code: 400, message: 'Nothing to search for.' } });
      return send(
        200,
        search(query).map((p) => toJson(p, withAddress)),
      );
    }
    if (url.pathname === '/reverse') {
      const lat = Number(query.lat);
      const lon = Number(query.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
        return send(400, { error: { code: 400, message: 'Need coordinates or OSM object to lookup.' } });
      }
      const place = reverse(lat, lon);
      // Real Nominatim answers 200 with an error object when nothing is near the point.
      return send(200, place ? toJson(place, withAddress) : { error: 'Unable to geocode' });
    }
    return send(404, { error: { code: 404, message: 'Not found' } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setMode: (m) => {
      mode = m;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // drops hanging requests too
      }),
  };
}
