/**
 * npm run bench:hotzones [-- --reports 1000000]
 *
 * Seeds N reports spread over the last year (reports collection, plus the territory counters the
 * service maintains as reports arrive and move, built with the same domain functions), then times
 * the hot-zone query for a 7-day and a 90-day window and the indicators for a month, through the
 * stats repository on the embedded MongoDB-wire server. Cross-checks one counter against the reports.
 */
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { CATEGORIES } from '../config/categories';
import { loadMunicipalityProfile, municipalityDir } from '../config/municipality';
import { heatCell, histogramBucket, hotZoneWeight, localDay } from '../src/domain/analytics';
import { serviceMillisBetween } from '../src/domain/service-hours';
import { loadTerritory } from '../src/geo/territory';
import { createStorage, ensureIndexes } from '../src/storage';
import { statsRowsOf } from '../src/storage/repositories/stats.repository';
import { benchServers, latencySummary, numberArg } from './bench-env';

const N = numberArg('reports', 1_000_000);
const RUNS = numberArg('runs', 5);
const DAY = 86_400_000;

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number[]; result: T }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  return { ms, result };
}

async function main() {
  const servers = await benchServers({ MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL });
  const profile = loadMunicipalityProfile('capannori');
  const territory = loadTerritory(municipalityDir('capannori'));
  const conn = await mongoose.createConnection(servers.mongoUrl).asPromise();
  const storage = createStorage(conn, { timeZone: profile.serviceHours.timeZone, serviceHours: profile.serviceHours });
  const tz = profile.serviceHours.timeZone;
  const rand = mulberry32(42);
  const [minLng, minLat, maxLng, maxLat] = territory.bbox();
  const now = Date.now();
  const channels = ['telegram', 'whatsapp', 'whatsapp-cloud', 'simulator'];
  const outcomes = ['intervention_done', 'nothing_found', 'not_our_competence', 'false_alarm'];

  const stats = new Map<string, any>();
  const heat = new Map<string, any>();
  const inc = (map: Map<string, any>, id: string, init: () => any, fn: (d: any) => void) => {
    let d = map.get(id);
    if (!d) map.set(id, (d = { _id: id, ...init() }));
    fn(d);
  };
  const addDuration = (d: any, m: string, clock: string, ms: number) => {
    const b = histogramBucket(ms);
    d.durations[m] ??= {};
    d.durations[m][clock] ??= {};
    d.durations[m][clock][b] = (d.durations[m][clock][b] ?? 0) + 1;
  };

  console.log(`bench:hotzones — seeding ${N.toLocaleString('en')} reports over 365 days...`);
  const t0 = performance.now();
  const Reports = conn.collection('reports');
  const BATCH = 5000;
  let seq = 0;
  for (let start = 0; start < N; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      let point;
      do point = { lat: minLat + rand() * (maxLat - minLat), lng: minLng + rand() * (maxLng - minLng) };
      while (!territory.contains(point));
      const category = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!;
      const createdAt = new Date(now - rand() * 365 * DAY);
      const zone = territory.zoneOf(point)?.id ?? 'none';
      const channel = channels[Math.floor(rand() * channels.length)]!;
      const closed = createdAt.getTime() < now - 2 * DAY && rand() < 0.9;
      const takenAt = new Date(createdAt.getTime() + rand() * 6 * 3600_000);
      const dispatchedAt = new Date(takenAt.getTime() + rand() * 3600_000);
      const closedAt = new Date(dispatchedAt.getTime() + rand() * 24 * 3600_000);
      const outcome = outcomes[Math.floor(rand() * outcomes.length)]!;
      seq++;
      docs.push({
        ticketCode: `VIC-BENCH-${String(seq).padStart(7, '0')}`,
        sourceMessageKey: `bench:${seq}`,
        status: closed ? 'closed' : 'new',
        categoryId: category.id,
        reliability: 'seen',
        location: { type: 'Point', coordinates: [point.lng, point.lat] },
        zone,
        description: 'segnalazione di prova',
        photoRefs: [],
        channel,
        chatId: `c${seq % 50_000}`,
        citizenRef: `cit_${seq % 50_000}`,
        language: 'it',
        priority: Math.floor(rand() * 100),
        confirmations: 0,
        citizenInfo: [],
        statsRecorded: true,
        version: closed ? 3 : 0,
        createdAt,
        updatedAt: closed ? closedAt : createdAt,
        ...(closed ? { takenAt, dispatchedAt, closedAt, outcome: { code: outcome } } : {}),
      });
      const day = localDay(createdAt, tz);
      // The same rows the service's stats repository feeds when a report arrives and moves.
      for (const row of statsRowsOf({ createdAt, location: { point, zone }, categoryId: category.id, channel: channel as never }, tz))
        inc(stats, row._id, () => ({ ...row.set, received: 0, weighted: 0, confirmations: 0, outcomes: {}, durations: {} }), (d) => {
          d.received++;
          d.weighted += hotZoneWeight(category.severity);
          if (closed) {
            for (const [m, at] of [['take', takenAt], ['dispatch', dispatchedAt], ['close', closedAt]] as const) {
              addDuration(d, m, 'wall', at.getTime() - createdAt.getTime());
              addDuration(d, m, 'service', serviceMillisBetween(profile.serviceHours, createdAt, at));
            }
            d.outcomes[outcome] = (d.outcomes[outcome] ?? 0) + 1;
          }
        });
      const cell = heatCell(point);
      for (const c of [category.id, '*']) inc(heat, `${day}|${cell}|${c}`, () => ({ day, cell, categoryId: c, n: 0 }), (d) => d.n++);
    }
    await Reports.insertMany(docs, { ordered: false });
    if ((start / BATCH) % 40 === 0) process.stdout.write(`  ${(start + docs.length).toLocaleString('en')} reports, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const tIndex = performance.now();
  await ensureIndexes(conn); // after the bulk load, as one would for an import
  console.log(`indexes built in ${((performance.now() - tIndex) / 1000).toFixed(0)} s`);
  const write = async (name: string, docs: any[]) => {
    for (let i = 0; i < docs.length; i += 5000) await conn.collection(name).insertMany(docs.slice(i, i + 5000), { ordered: false });
  };
  await write('report_stats_daily', [...stats.values()]);
  await write('report_heat_daily', [...heat.values()]);
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${stats.size.toLocaleString('en')} counter rows, ${heat.size.toLocaleString('en')} heat rows`);

  const to = new Date(now);
  const week = await time(() => storage.stats.hotZones({ from: new Date(now - 7 * DAY), to }));
  const quarter = await time(() => storage.stats.hotZones({ from: new Date(now - 90 * DAY), to }));
  const quarterCat = await time(() => storage.stats.hotZones({ from: new Date(now - 90 * DAY), to, categoryId: ['theft'] }));
  const heat90 = await time(() => storage.stats.heat({ from: new Date(now - 90 * DAY), to }));
  // Last complete calendar month in the municipality's time zone.
  const lastMonth = DateTime.fromMillis(now, { zone: tz }).minus({ months: 1 }).startOf('month');
  const monthFrom = lastMonth.toJSDate();
  const monthTo = lastMonth.plus({ months: 1 }).toJSDate();
  const indicators = await time(() => storage.stats.indicators({ from: monthFrom, to: monthTo, period: 'day', groupBy: 'category' }));
  const indicatorsZone = await time(() => storage.stats.indicators({ from: monthFrom, to: monthTo, period: 'month', groupBy: 'zone' }));

  console.log(`hot zones, 7-day window:   ${latencySummary(week.ms)} (${RUNS} runs; top: ${week.result[0]?.zone} ${week.result[0]?.received})`);
  console.log(`hot zones, 90-day window:  ${latencySummary(quarter.ms)}`);
  console.log(`hot zones, 90 days, theft: ${latencySummary(quarterCat.ms)}`);
  console.log(`heat layer, 90 days:       ${latencySummary(heat90.ms)} (${heat90.result.length} cells)`);
  console.log(`indicators, month by day x category: ${latencySummary(indicators.ms)} (${indicators.result.length} rows)`);
  console.log(`indicators, month by zone:           ${latencySummary(indicatorsZone.ms)} (${indicatorsZone.result.length} rows)`);

  // Cross-check: the counters agree with a direct count of the reports.
  const topZone = quarter.result[0]!;
  const from90 = localDay(new Date(now - 90 * DAY), tz);
  const direct = await Reports.countDocuments({ zone: topZone.zone, createdAt: { $gte: new Date(`${from90}T00:00:00+01:00`) } });
  console.log(`check: counters say ${topZone.received} reports in ${topZone.zone} over 90 days; the reports collection says ${direct} (day-boundary rounding aside)`);
  await conn.dropDatabase();
  await conn.close();
  await servers.stop();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
