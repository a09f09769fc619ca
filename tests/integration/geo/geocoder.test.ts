import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNominatimGeocoder, disabledGeocoder, type NominatimGeocoderOptions } from '../../../src/geo/geocoder';
import { loadTerritory, municipalityDir } from '../../../src/geo/territory';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';

const USER_AGENT = 'Vicinato-test/0.1 (polizia.municipale@example.it)';
const territory = loadTerritory(municipalityDir('capannori'));

let nominatim: FakeNominatim;
beforeAll(async () => {
  nominatim = await startFakeNominatim();
});
afterAll(() => nominatim.close());
afterEach(() => {
  nominatim.setMode('normal');
  nominatim.requests.length = 0;
});

function recordingLogger() {
  const lines: Array<{ msg: string; meta?: object }> = [];
  return { lines, warn: (msg: string, meta?: object) => lines.push({ msg, meta }) };
}

function geocoder(extra: Partial<NominatimGeocoderOptions> = {}) {
  return createNominatimGeocoder({ baseUrl: nominatim.url, userAgent: USER_AGENT, countryCodes: 'it', ...extra });
}

describe('Nominatim geocoder (node-geocoder openstreetmap) against a fake Nominatim', () => {
  it('geocodes a known address to its point and a readable Italian address', async () => {
    const result = await geocoder({ viewbox: territory.bbox() }).geocode('Piazza Aldo Moro 1, Capannori');
    expect(result).toEqual({
      ok: true,
      point: { lat: 43.8414, lng: 10.5731 },
      address: 'Piazza Aldo Moro 1, Capannori',
      zipcode: '55012',
    });
    if (result.ok) expect(territory.zoneOf(result.point)?.id).toBe('capannori-centro');

    expect(nominatim.requests).toHaveLength(1);
    const [req] = nominatim.requests;
    expect(req.path).toBe('/search');
    expect(req.query).toMatchObject({
      q: 'Piazza Aldo Moro 1, Capannori',
      format: 'json',
      addressdetails: '1',
      countrycodes: 'it',
      'accept-language': 'it',
      viewbox: territory.bbox().join(','),
      limit: '1',
    });
    expect(req.query).not.toHaveProperty('bounded');
    expect(req.query).not.toHaveProperty('osmServer');
  });

  it('names the frazione, not only the comune', async () => {
    const result = await geocoder().geocode('Via del Popolo, Lammari');
    expect(result).toMatchObject({ ok: true, address: 'Via del Popolo, Lammari', zipcode: '55013' });
    if (result.ok) expect(territory.zoneOf(result.point)?.id).toBe('lammari');
  });

  it('finds an address outside the municipality, which the territory then rejects', async () => {
    const result = await geocoder({ viewbox: territory.bbox() }).geocode('Piazza Napoleone, Lucca');
    expect(result).toMatchObject({
      ok: true,
      address: 'Piazza Napoleone, Lucca',
      point: { lat: 43.843, lng: 10.5035 },
    });
    if (result.ok) expect(territory.contains(result.point)).toBe(false);
  });

  it('with bounded: true only finds places inside the viewbox', async () => {
    const result = await geocoder({ viewbox: territory.bbox(), bounded: true }).geocode('Piazza Napoleone, Lucca');
    expect(result).toEqual({ ok: false, reason: 'not_found' });
    expect(nominatim.requests[0].query.bounded).toBe('1');
  });

  it('answers not_found for an unknown address', async () => {
    const log = recordingLogger();
    expect(await geocoder({ logger: log }).geocode('Via Inesistente 99, Capannori')).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(log.lines).toEqual([]);
  });

  it('answers not_found for an empty query without asking Nominatim', async () => {
    expect(await geocoder().geocode('   ')).toEqual({ ok: false, reason: 'not_found' });
    expect(nominatim.requests).toHaveLength(0);
  });

  it('maps a 500 to unavailable with one warn line and no stack', async () => {
    nominatim.setMode('error');
    const log = recordingLogger();
    expect(await geocoder({ logger: log }).geocode('Piazza Aldo Moro 1, Capannori')).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0].msg).toBe('geocoder unavailable');
    expect(log.lines[0].meta).toEqual({ op: 'geocode', reason: 'HTTP 500' });
  });

  it('maps a server that never answers to unavailable within the timeout', async () => {
    nominatim.setMode('hang');
    const log = recordingLogger();
    const started = performance.now();
    const result = await geocoder({ timeoutMs: 300, logger: log }).geocode('Piazza Aldo Moro 1, Capannori');
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: 'unavailable' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(log.lines).toHaveLength(1);
    expect(nominatim.requests).toHaveLength(1);
  });

  it('maps a refused connection to unavailable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const log = recordingLogger();
    const g = createNominatimGeocoder({ baseUrl: `http://127.0.0.1:${port}`, userAgent: USER_AGENT, logger: log });
    expect(await g.reverse({ lat: 43.8414, lng: 10.5731 })).toEqual({ ok: false, reason: 'unavailable' });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0].meta).toMatchObject({ op: 'reverse' });
  });

  it('reverse-geocodes a point to an address, and a point with nothing near to not_found', async () => {
    const g = geocoder();
    expect(await g.reverse({ lat: 43.84141, lng: 10.57312 })).toEqual({
      ok: true,
      address: 'Piazza Aldo Moro 1, Capannori',
      zipcode: '55012',
    });
    const [req] = nominatim.requests;
    expect(req.path).toBe('/reverse');
    expect(req.query).toMatchObject({ lat: '43.84141', lon: '10.57312', format: 'json', addressdetails: '1' });
    // Nominatim answers 200 {"error":"Unable to geocode"} here; node-geocoder turns it into an Error.
    expect(await g.reverse({ lat: 43.5, lng: 10.0 })).toEqual({ ok: false, reason: 'not_found' });
  });

  it("sends the configured User-Agent, not node-geocoder's built-in browser string", async () => {
    const g = geocoder();
    await g.geocode('Piazza Aldo Moro 1, Capannori');
    await g.reverse({ lat: 43.868, lng: 10.555 });
    expect(nominatim.requests.map((r) => r.headers['user-agent'])).toEqual([USER_AGENT, USER_AGENT]);
  });

  it('serves a repeated query (whatever its case and spacing) and a nearby point from the cache', async () => {
    const g = geocoder();
    const first = await g.geocode('Piazza Aldo Moro 1, Capannori');
    expect(await g.geocode('  piazza aldo  moro 1, CAPANNORI ')).toEqual(first);
    await g.geocode('Via Inesistente 99');
    await g.geocode('via inesistente 99');
    await g.reverse({ lat: 43.868, lng: 10.555 });
    await g.reverse({ lat: 43.868000001, lng: 10.555000001 }); // same point at 5 decimals
    expect(nominatim.requests.map((r) => r.path)).toEqual(['/search', '/search', '/reverse']);
  });

  it('asks once for identical concurrent queries', async () => {
    const g = geocoder();
    const [a, b] = await Promise.all([g.geocode('Via del Popolo, Lammari'), g.geocode('Via del Popolo, Lammari')]);
    expect(a).toEqual(b);
    expect(nominatim.requests).toHaveLength(1);
  });

  it('does not cache failures', async () => {
    const g = geocoder();
    nominatim.setMode('error');
    expect(await g.geocode('Piazza Aldo Moro 1, Capannori')).toMatchObject({ ok: false, reason: 'unavailable' });
    nominatim.setMode('normal');
    expect(await g.geocode('Piazza Aldo Moro 1, Capannori')).toMatchObject({ ok: true });
    expect(nominatim.requests).toHaveLength(2);
  });

  it('evicts the least recently used answer when the cache is full', async () => {
    const g = geocoder({ cacheSize: 2 });
    await g.geocode('Piazza Aldo Moro 1, Capannori'); // A
    await g.geocode('Via del Popolo, Lammari'); // B
    await g.geocode('Piazza Aldo Moro 1, Capannori'); // A again: cached, now most recent
    await g.geocode('Piazza Napoleone, Lucca'); // C evicts B
    await g.geocode('Piazza Aldo Moro 1, Capannori'); // cached
    await g.geocode('Via del Popolo, Lammari'); // asked again
    expect(nominatim.requests.map((r) => r.query.q)).toEqual([
      'Piazza Aldo Moro 1, Capannori',
      'Via del Popolo, Lammari',
      'Piazza Napoleone, Lucca',
      'Via del Popolo, Lammari',
    ]);
  });

  it('keeps two instances on their own servers (node-geocoder sets the endpoint on a shared prototype)', async () => {
    const other = await startFakeNominatim();
    try {
      const first = geocoder();
      const second = createNominatimGeocoder({ baseUrl: `${other.url}/`, userAgent: USER_AGENT });
      await first.geocode('Piazza Aldo Moro 1, Capannori');
      await second.geocode('Via del Popolo, Lammari');
      expect(nominatim.requests.map((r) => r.query.q)).toEqual(['Piazza Aldo Moro 1, Capannori']);
      expect(other.requests.map((r) => [r.path, r.query.q])).toEqual([['/search', 'Via del Popolo, Lammari']]);
    } finally {
      await other.close();
    }
  });
});

describe('disabledGeocoder', () => {
  it('answers unavailable for everything', async () => {
    expect(await disabledGeocoder.geocode('Piazza Aldo Moro 1, Capannori')).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    expect(await disabledGeocoder.reverse({ lat: 43.8414, lng: 10.5731 })).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });
});
