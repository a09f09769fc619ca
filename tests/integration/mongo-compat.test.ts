/**
 * What the MongoDB-wire server under test supports, proved through mongoose. The README records the
 * results for the embedded server; product code relies only on what passes here AND on real MongoDB.
 */
import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshMongoUrl } from '../support/databases';

let conn: mongoose.Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('compat'), { serverSelectionTimeoutMS: 5000 }).asPromise();
});
afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
});

describe('MongoDB-wire compatibility', () => {
  it('rejects a duplicate key on a unique compound index (E11000)', async () => {
    const M = conn.model('Uniq', new Schema({ channel: String, messageId: String }).index({ channel: 1, messageId: 1 }, { unique: true }));
    await M.init();
    await M.create({ channel: 'telegram', messageId: '1' });
    await M.create({ channel: 'whatsapp', messageId: '1' });
    const err = await M.create({ channel: 'telegram', messageId: '1' }).catch((e) => e);
    expect(err?.code).toBe(11000);
    expect(await M.countDocuments()).toBe(2);
  });

  it('lets exactly one of two concurrent findOneAndUpdate claims win', async () => {
    const M = conn.model('Claim', new Schema({ status: String, owner: String }));
    for (let round = 0; round < 10; round++) {
      const doc = await M.create({ status: 'new' });
      const claim = (owner: string) =>
        M.findOneAndUpdate({ _id: doc._id, status: 'new' }, { $set: { status: 'in_review', owner } }, { returnDocument: 'after' });
      const results = await Promise.all([claim('anna'), claim('bruno')]);
      const winners = results.filter(Boolean);
      expect(winners).toHaveLength(1);
      const stored = await M.findById(doc._id).lean();
      expect(stored?.owner).toBe(winners[0]!.owner);
    }
  });

  it('groups by a field with $group', async () => {
    const M = conn.model('Grp', new Schema({ category: String, weight: Number }));
    await M.insertMany([
      { category: 'a', weight: 1 },
      { category: 'a', weight: 2 },
      { category: 'b', weight: 5 },
    ]);
    const rows = await M.aggregate([{ $group: { _id: '$category', n: { $sum: 1 }, w: { $sum: '$weight' } } }, { $sort: { _id: 1 } }]);
    expect(rows).toEqual([
      { _id: 'a', n: 2, w: 3 },
      { _id: 'b', n: 1, w: 5 },
    ]);
  });

  it('answers $near on a 2dsphere index, nearest first', async () => {
    const M = conn.model(
      'Geo',
      new Schema({ name: String, location: { type: { type: String }, coordinates: [Number] } }).index({ location: '2dsphere' }),
    );
    await M.init();
    const pt = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
    await M.insertMany([
      { name: 'far', location: pt(10.5035, 43.843) },
      { name: 'townhall', location: pt(10.5731, 43.8414) },
      { name: 'near', location: pt(10.575, 43.842) },
    ]);
    const found = await M.find({
      location: { $near: { $geometry: pt(10.5731, 43.8414), $maxDistance: 1000 } },
    }).lean();
    expect(found.map((d) => d.name)).toEqual(['townhall', 'near']);
  });

  it('accepts a TTL index and reports it', async () => {
    const M = conn.model('Ttl', new Schema({ at: Date }).index({ at: 1 }, { expireAfterSeconds: 60 }));
    await M.init();
    const idx = await M.collection.indexes();
    expect(idx.find((i) => i.expireAfterSeconds === 60)).toBeTruthy();
  });

  it('commits and aborts a multi-document transaction', async () => {
    const A = conn.model('TxA', new Schema({ n: Number }));
    const B = conn.model('TxB', new Schema({ n: Number }));
    await A.createCollection();
    await B.createCollection();
    await conn.transaction(async (session) => {
      await A.create([{ n: 1 }], { session });
      await B.create([{ n: 1 }], { session });
    });
    await conn
      .transaction(async (session) => {
        await A.create([{ n: 2 }], { session });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await A.countDocuments()).toBe(1);
    expect(await B.countDocuments()).toBe(1);
  });
});
