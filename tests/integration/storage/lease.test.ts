/** The reconciler's lease in MongoDB: one holder at a time, taken over when it expires or is released. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeaseRepository } from '../../../src/storage/repositories/lease.repository';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('lease')).asPromise();
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('lease', () => {
  it('lets one of many concurrent holders in, renews for it, and passes on after expiry or release', async () => {
    const leases = createLeaseRepository(conn);
    const t0 = new Date('2026-12-04T10:00:00Z');
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((h) => leases.acquire('job', h, 1000, t0)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['a', 'b', 'c', 'd'][results.indexOf(true)]!;
    const other = winner === 'a' ? 'b' : 'a';
    expect(await leases.acquire('job', winner, 1000, new Date(t0.getTime() + 500))).toBe(true); // renewed
    expect(await leases.acquire('job', other, 1000, new Date(t0.getTime() + 1200))).toBe(false); // renewal holds to +1500
    expect(await leases.acquire('job', other, 1000, new Date(t0.getTime() + 1600))).toBe(true); // expired: taken over
    await leases.release('job', winner); // not the holder any more: changes nothing
    expect(await leases.acquire('job', winner, 1000, new Date(t0.getTime() + 1700))).toBe(false);
    await leases.release('job', other);
    expect(await leases.acquire('job', winner, 1000, new Date(t0.getTime() + 1800))).toBe(true);
  });
});
