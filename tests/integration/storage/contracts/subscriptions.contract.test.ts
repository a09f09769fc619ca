/** SubscriptionStore contract: the MongoDB repository and the in-memory adapter answer alike. */
import { expect, it } from 'vitest';
import type { NewSubscription } from '../../../../src/domain/ports';
import { forEachAdapter } from './adapters';

let n = 0;
const sub = (citizenRef: string, over: Partial<NewSubscription> = {}): NewSubscription => ({
  citizenRef,
  channel: 'telegram',
  language: 'it',
  kind: 'zone',
  zoneId: 'marlia',
  label: 'Marlia',
  sourceMessageKey: `telegram:sub-${process.pid}-${++n}-${Math.random()}`,
  ...over,
});

forEachAdapter((ports) => {
  it('adds once per source message, lists oldest first, removes one or all', async () => {
    const ref = `cit_sub_${Math.random()}`;
    const input = sub(ref);
    const first = await ports().subscriptions.add(input);
    expect(first).toEqual({
      created: true,
      subscription: {
        id: expect.stringMatching(/^[a-f0-9]{24}$/),
        citizenRef: ref,
        channel: 'telegram',
        language: 'it',
        kind: 'zone',
        zoneId: 'marlia',
        label: 'Marlia',
        sourceMessageKey: input.sourceMessageKey,
        createdAt: expect.any(Date),
        active: true,
      },
    });
    expect(await ports().subscriptions.add(input)).toEqual({ created: false, subscription: first.subscription });
    const area = await ports().subscriptions.add(sub(ref, { kind: 'area', center: { lat: 43.84, lng: 10.57 }, radiusMeters: 500, zoneId: 'capannori-centro', label: undefined }));
    expect(area.subscription).toMatchObject({ kind: 'area', center: { lat: 43.84, lng: 10.57 }, radiusMeters: 500, zoneId: 'capannori-centro' });
    expect(area.subscription).not.toHaveProperty('label');
    expect((await ports().subscriptions.listByCitizen(ref)).map((s) => s.id)).toEqual([first.subscription.id, area.subscription.id]);

    expect(await ports().subscriptions.remove(first.subscription.id, 'cit_someone_else')).toBe(false);
    expect(await ports().subscriptions.remove('nope', ref)).toBe(false);
    expect(await ports().subscriptions.remove(first.subscription.id, ref)).toBe(true);
    expect(await ports().subscriptions.remove(first.subscription.id, ref)).toBe(false);
    await ports().subscriptions.add(sub(ref));
    expect(await ports().subscriptions.removeAll(ref)).toBe(2);
    expect(await ports().subscriptions.listByCitizen(ref)).toEqual([]);
  });

  it('finds the subscriptions of some zones (zone, or area centred in it)', async () => {
    const a = (await ports().subscriptions.add(sub(`cit_a_${Math.random()}`, { zoneId: 'lammari' }))).subscription;
    const b = (await ports().subscriptions.add(sub(`cit_b_${Math.random()}`, { kind: 'area', center: { lat: 43.87, lng: 10.55 }, radiusMeters: 300, zoneId: 'segromigno' }))).subscription;
    await ports().subscriptions.add(sub(`cit_c_${Math.random()}`, { zoneId: 'altopascio' }));
    expect((await ports().subscriptions.findForZones(['lammari', 'segromigno', 'lammari'])).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await ports().subscriptions.findForZones([])).toEqual([]);
  });
});
