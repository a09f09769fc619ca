/** Citizens' area alerts on the MongoDB-wire server: idempotent add, list, remove, STOP, and the advisory lookup by zone. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewSubscription } from '../../../src/domain/ports';
import { createStorage, ensureIndexes, type Storage } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
let storage: Storage;
let seq = 0;

const zone = (citizenRef: string, zoneId: string, over: Partial<NewSubscription> = {}): NewSubscription => ({
  citizenRef,
  channel: 'telegram',
  language: 'it',
  kind: 'zone',
  zoneId,
  sourceMessageKey: `telegram:${++seq}`,
  ...over,
});

const area = (citizenRef: string, centreZone: string | undefined, over: Partial<NewSubscription> = {}): NewSubscription => ({
  citizenRef,
  channel: 'whatsapp',
  language: 'en',
  kind: 'area',
  center: { lat: 43.868, lng: 10.555 },
  radiusMeters: 500,
  ...(centreZone ? { zoneId: centreZone } : {}),
  label: 'Via del Popolo, Lammari',
  sourceMessageKey: `whatsapp:${++seq}`,
  ...over,
});

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('subscriptions')).asPromise();
  storage = createStorage(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

describe('subscription repository', () => {
  it('adds an area subscription with its centre, radius, zone and label, once per source message', async () => {
    const input = area('cit_add', 'lammari');
    const first = await storage.subscriptions.add(input);
    const retry = await storage.subscriptions.add(input);
    expect(first.created).toBe(true);
    expect(retry).toEqual({ created: false, subscription: first.subscription });
    expect(first.subscription).toMatchObject({
      citizenRef: 'cit_add',
      channel: 'whatsapp',
      language: 'en',
      kind: 'area',
      center: { lat: 43.868, lng: 10.555 },
      radiusMeters: 500,
      zoneId: 'lammari',
      label: 'Via del Popolo, Lammari',
      active: true,
      createdAt: expect.any(Date),
    });
    expect(await storage.subscriptions.listByCitizen('cit_add')).toHaveLength(1);
  });

  it('adds once when the same message is processed concurrently', async () => {
    const input = zone('cit_race', 'marlia');
    const results = await Promise.all(Array.from({ length: 4 }, () => storage.subscriptions.add(input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await storage.subscriptions.listByCitizen('cit_race')).toHaveLength(1);
  });

  it("lists a citizen's subscriptions oldest first, and only theirs", async () => {
    await storage.subscriptions.add(zone('cit_list', 'marlia'));
    await storage.subscriptions.add(area('cit_list', 'lammari'));
    await storage.subscriptions.add(zone('cit_other', 'marlia'));
    const list = await storage.subscriptions.listByCitizen('cit_list');
    expect(list.map((s) => [s.kind, s.zoneId])).toEqual([
      ['zone', 'marlia'],
      ['area', 'lammari'],
    ]);
    expect(list[0].center).toBeUndefined();
  });

  it('removes one subscription only for its own citizen', async () => {
    const { subscription } = await storage.subscriptions.add(zone('cit_rm', 'guamo'));
    expect(await storage.subscriptions.remove(subscription.id, 'cit_someone_else')).toBe(false);
    expect(await storage.subscriptions.listByCitizen('cit_rm')).toHaveLength(1);
    expect(await storage.subscriptions.remove(subscription.id, 'cit_rm')).toBe(true);
    expect(await storage.subscriptions.remove(subscription.id, 'cit_rm')).toBe(false);
    expect(await storage.subscriptions.remove('not-an-id', 'cit_rm')).toBe(false);
    expect(await storage.subscriptions.listByCitizen('cit_rm')).toEqual([]);
    // Deleted, not only switched off: the place is not kept once unwanted.
    expect(await conn.collection('subscriptions').countDocuments({ citizenRef: 'cit_rm' })).toBe(0);
  });

  it("STOP removes all of a citizen's subscriptions and says how many", async () => {
    await storage.subscriptions.add(zone('cit_stop', 'lunata'));
    await storage.subscriptions.add(area('cit_stop', 'lammari'));
    await storage.subscriptions.add(zone('cit_keep', 'lunata'));
    expect(await storage.subscriptions.removeAll('cit_stop')).toBe(2);
    expect(await storage.subscriptions.removeAll('cit_stop')).toBe(0);
    expect(await storage.subscriptions.listByCitizen('cit_stop')).toEqual([]);
    expect(await storage.subscriptions.listByCitizen('cit_keep')).toHaveLength(1);
  });

  it('finds, for an advisory, zone subscriptions and areas whose centre lies in the chosen zones', async () => {
    await storage.subscriptions.add(zone('cit_f1', 'tassignano'));
    await storage.subscriptions.add(area('cit_f2', 'tassignano'));
    await storage.subscriptions.add(zone('cit_f3', 'pieve-di-compito'));
    await storage.subscriptions.add(area('cit_f4', 'colle-di-compito'));
    await storage.subscriptions.add(area('cit_f5', undefined));
    const one = await storage.subscriptions.findForZones(['tassignano']);
    expect(one.map((s) => [s.citizenRef, s.kind]).sort()).toEqual([
      ['cit_f1', 'zone'],
      ['cit_f2', 'area'],
    ]);
    const two = await storage.subscriptions.findForZones(['pieve-di-compito', 'colle-di-compito', 'colle-di-compito']);
    expect(two.map((s) => s.citizenRef).sort()).toEqual(['cit_f3', 'cit_f4']);
    expect(await storage.subscriptions.findForZones([])).toEqual([]);
    expect(await storage.subscriptions.findForZones(['nowhere'])).toEqual([]);
  });

  it('leaves paused subscriptions out of the advisory lookup and the list', async () => {
    const { subscription } = await storage.subscriptions.add(zone('cit_pause', 'camigliano'));
    await conn.collection('subscriptions').updateOne({ _id: new mongoose.Types.ObjectId(subscription.id) }, { $set: { active: false } });
    expect(await storage.subscriptions.findForZones(['camigliano'])).toEqual([]);
    expect(await storage.subscriptions.listByCitizen('cit_pause')).toEqual([]);
  });

  it('keeps area centres in a 2dsphere index (areas near a point can be found)', async () => {
    await storage.subscriptions.add(area('cit_geo', 'lammari', { center: { lat: 43.87, lng: 10.556 } }));
    const near = await conn
      .collection('subscriptions')
      .find({ center: { $near: { $geometry: { type: 'Point', coordinates: [10.556, 43.87] }, $maxDistance: 50 } } })
      .toArray();
    expect(near.map((d) => d.citizenRef)).toContain('cit_geo');
  });
});
