/**
 * Geocoding port (address <-> point) and its Nominatim implementation on node-geocoder's
 * `openstreetmap` provider. Callers get a result, never an exception: `not_found` when Nominatim
 * has no answer, `unavailable` when it could not be asked (down, slow, misconfigured).
 */
import NodeGeocoder from 'node-geocoder';
import type { GeoPoint } from '../domain/message';

export type GeocodeResult =
  { ok: true; point: GeoPoint; address: string; zipcode?: string } | { ok: false; reason: 'not_found' | 'unavailable' };
export type ReverseResult = { ok: true; address: string; zipcode?: string } | { ok: false; reason: 'not_found' | 'unavailable' };

export interface Geocoder {
  geocode(query: string): Promise<GeocodeResult>;
  reverse(p: GeoPoint): Promise<ReverseResult>;
}

/** Used when GEOCODER_URL is unset: the dialog falls back to asking for a location pin. */
export const disabledGeocoder: Geocoder = {
  geocode: async () => ({ ok: false, reason: 'unavailable' }),
  reverse: async () => ({ ok: false, reason: 'unavailable' }),
};

export type NominatimGeocoderOptions = {
  /** Nominatim root, e.g. `https://nominatim.example.it` (the `/search` and `/reverse` parent). */
  baseUrl: string;
  /** Sent as User-Agent on every request: Nominatim's usage policy requires a real one. */
  userAgent: string;
  /** Nominatim `countrycodes` for searches, e.g. `it`. */
  countryCodes?: string;
  /** [minLng, minLat, maxLng, maxLat]: searches prefer results inside this box. */
  viewbox?: [number, number, number, number];
  /** Only return search results inside `viewbox` (Nominatim `bounded=1`). @defaultValue false */
  bounded?: boolean;
  /** Language of the returned names (Nominatim `accept-language`). @defaultValue 'it' */
  language?: string;
  /** Upper bound of one lookup, HTTP included. @defaultValue 4000 */
  timeoutMs?: number;
  /** Answers kept in memory (least recently used evicted). 0 disables the cache. @defaultValue 500 */
  cacheSize?: number;
  logger?: { warn(msg: string, meta?: object): void };
};

// --- Nominatim's JSON, as far as we read it -----------------------------------------------------

type NominatimAddress = Partial<
  Record<
    | 'road'
    | 'pedestrian'
    | 'square'
    | 'footway'
    | 'cycleway'
    | 'path'
    | 'house_number'
    | 'village'
    | 'hamlet'
    | 'town'
    | 'city'
    | 'municipality'
    | 'postcode',
    string
  >
>;
type NominatimPlace = { lat?: string; lon?: string; display_name?: string; address?: NominatimAddress };

/**
 * The slice of node-geocoder we use. Its openstreetmap provider copies every key of an object
 * query into the Nominatim query string (so `countrycodes`, `viewbox`... pass through), which
 * @types/node-geocoder does not model. Results carry Nominatim's JSON as a non-enumerable `raw`.
 */
type OsmEntries = Array<{ latitude?: number; longitude?: number; zipcode?: string }> & { raw?: unknown };
type OsmClient = {
  geocode(query: Record<string, string | number>): PromiseLike<OsmEntries>;
  reverse(query: { lat: number; lon: number }): PromiseLike<OsmEntries>;
};

/** "Piazza Aldo Moro 1, Capannori": street and number, then the most local place name. */
function formatItalianAddress(place: NominatimPlace): string | undefined {
  const a = place.address ?? {};
  const street = a.road ?? a.pedestrian ?? a.square ?? a.footway ?? a.cycleway ?? a.path;
  // village/hamlet first: in Capannori the frazione (Lammari, Marlia...) says more than the comune.
  const locality = a.village ?? a.hamlet ?? a.town ?? a.city ?? a.municipality;
  const line = [street, street && a.house_number].filter(Boolean).join(' ');
  const parts = [line, locality].filter(Boolean);
  if (parts.length) return parts.join(', ');
  return (
    place.display_name
      ?.split(',')
      .slice(0, 2)
      .map((s) => s.trim())
      .join(', ') || undefined
  );
}

// --- small helpers -------------------------------------------------------------------------------

/** Least-recently-used map on top of Map's insertion order. */
class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    if (this.size <= 0) return;
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function withTimeout<T>(work: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer));
}

const normaliseQuery = (q: string) => q.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const isValidPoint = (p: GeoPoint) => Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

/** Nominatim's answer (HTTP 200) for a reverse lookup with nothing near the point. */
const isNoResultError = (err: unknown) => err instanceof Error && err.message === 'Unable to geocode';

/**
 * The `fetch` node-geocoder calls. It sends our User-Agent, bounds the request with a timeout,
 * turns HTTP errors into exceptions (node-geocoder ignores the status and would read a 500 with a
 * JSON body as an answer) and sends the request to OUR server: node-geocoder stores the endpoint
 * on the provider's shared prototype, so a second instance with another osmServer would redirect
 * this one's requests.
 */
function nominatimFetch(baseUrl: string, userAgent: string, timeoutMs: number) {
  const root = baseUrl.replace(/\/+$/, '');
  return async (url: string, init?: { headers?: Record<string, string> }): Promise<Response> => {
    const requested = new URL(url);
    const endpoint = requested.pathname.split('/').pop();
    if (endpoint !== 'search' && endpoint !== 'reverse') throw new Error(`unexpected endpoint ${requested.pathname}`);
    // The provider also copies its own `osmServer` option into the query string; Nominatim ignores it.
    requested.searchParams.delete('osmServer');
    const headers = new Headers(init?.headers);
    headers.set('user-agent', userAgent);
    const res = await fetch(`${root}/${endpoint}?${requested.searchParams}`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status}`);
    }
    return res;
  };
}

// --- the adapter -----------------------------------------------------------------------------------

export function createNominatimGeocoder(opts: NominatimGeocoderOptions): Geocoder {
  const timeoutMs = opts.timeoutMs ?? 4000;
  if (!opts.userAgent.trim()) throw new Error('createNominatimGeocoder: userAgent must name the application and a contact');
  new URL(opts.baseUrl); // throws on a malformed URL: a configuration fault, better found at start

  const client = NodeGeocoder({
    provider: 'openstreetmap',
    osmServer: opts.baseUrl.replace(/\/+$/, ''),
    language: opts.language ?? 'it',
    fetch: nominatimFetch(opts.baseUrl, opts.userAgent, timeoutMs) as unknown as NodeGeocoder.BaseOptions['fetch'],
  }) as unknown as OsmClient;

  const searchParams: Record<string, string | number> = { limit: 1 };
  if (opts.countryCodes) searchParams.countrycodes = opts.countryCodes;
  if (opts.viewbox) searchParams.viewbox = opts.viewbox.join(',');
  if (opts.viewbox && opts.bounded) searchParams.bounded = 1;

  const cache = new LruCache<GeocodeResult | ReverseResult>(opts.cacheSize ?? 500);
  const inFlight = new Map<string, Promise<GeocodeResult | ReverseResult>>();

  /** Runs one lookup once per key at a time; caches answers (found or not), never failures. */
  function lookup<R extends GeocodeResult | ReverseResult>(
    op: 'geocode' | 'reverse',
    key: string,
    ask: () => PromiseLike<OsmEntries>,
    read: (entries: OsmEntries) => R,
  ): Promise<R> {
    const cached = cache.get(key) ?? inFlight.get(key);
    if (cached) return Promise.resolve(cached as R);
    const pending = withTimeout(ask(), timeoutMs)
      .then(read, (err: unknown): R => {
        if (isNoResultError(err)) return { ok: false, reason: 'not_found' } as R;
        // One line, no stack and no query: the address a citizen typed is not log material.
        opts.logger?.warn('geocoder unavailable', { op, reason: err instanceof Error ? err.message : String(err) });
        return { ok: false, reason: 'unavailable' } as R;
      })
      .then((result) => {
        if (result.ok || result.reason === 'not_found') cache.set(key, result);
        return result;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
    return pending;
  }

  return {
    geocode(query) {
      const q = normaliseQuery(query);
      if (!q) return Promise.resolve({ ok: false, reason: 'not_found' });
      return lookup(
        'geocode',
        `q:${q}`,
        () => client.geocode({ ...searchParams, q: query.trim() }),
        (entries) => {
          const places = Array.isArray(entries.raw) ? (entries.raw as NominatimPlace[]) : [];
          const index = entries.findIndex((e) => Number.isFinite(e.latitude) && Number.isFinite(e.longitude));
          if (index < 0) return { ok: false, reason: 'not_found' };
          const entry = entries[index];
          const place = places[index] ?? {};
          const point = { lat: entry.latitude as number, lng: entry.longitude as number };
          const address = formatItalianAddress(place) ?? query.trim();
          return { ok: true, point, address, ...(entry.zipcode ? { zipcode: entry.zipcode } : {}) };
        },
      );
    },
    reverse(p) {
      if (!isValidPoint(p)) return Promise.resolve({ ok: false, reason: 'not_found' });
      const key = `r:${p.lat.toFixed(5)},${p.lng.toFixed(5)}`;
      return lookup(
        'reverse',
        key,
        () => client.reverse({ lat: p.lat, lon: p.lng }),
        (entries) => {
          const place = (entries.raw ?? {}) as NominatimPlace;
          const address = formatItalianAddress(place);
          if (!address) return { ok: false, reason: 'not_found' };
          const zipcode = entries[0]?.zipcode;
          return { ok: true, address, ...(zipcode ? { zipcode } : {}) };
        },
      );
    },
  };
}
