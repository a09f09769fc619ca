/**
 * docs/operations.md's backup and restore (script/backup.ts) against the embedded MongoDB-wire
 * server: every collection the service creates, with its indexes and typed values (dates,
 * ObjectIds, binary), and the photos directory come back identical in a fresh database; a restore
 * over live data is refused unless --drop is given.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../../script/backup';
import { createStorage, ensureIndexes } from '../../../src/storage';
import { freshMongoUrl } from '../../support/databases';

const { EJSON, ObjectId, Binary } = mongoose.mongo.BSON;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vicinato-backup-'));
const sourceUri = freshMongoUrl('backup_src');
const targetUri = freshMongoUrl('backup_dst');
let source: mongoose.Connection;
let target: mongoose.Connection;

async function snapshot(conn: mongoose.Connection) {
  const db = conn.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'))
    .sort();
  const out: Record<string, { docs: string[]; indexes: string[] }> = {};
  for (const name of names) {
    const docs = (
      await db
        .collection(name)
        .find({}, { sort: { _id: 1 } })
        .toArray()
    ).map((d) => EJSON.stringify(d, { relaxed: false }));
    const indexes = (await db.collection(name).indexes())
      .map((i) => JSON.stringify({ key: i.key, unique: Boolean(i.unique), name: i.name }))
      .sort();
    out[name] = { docs, indexes };
  }
  return out;
}

beforeAll(async () => {
  source = await mongoose.createConnection(sourceUri).asPromise();
  target = await mongoose.createConnection(targetUri).asPromise();
  // The service's own collections and indexes, as a running service creates them.
  createStorage(source);
  await ensureIndexes(source);
  const db = source.db!;
  await db.collection('reports').insertMany(
    Array.from({ length: 1500 }, (_, i) => ({
      _id: new ObjectId(),
      ticketCode: `2026-${String(i + 1).padStart(6, '0')}`,
      sourceMessageKey: `simulator:m-${i}`,
      createdAt: new Date(Date.UTC(2026, 11, 1, 8, i % 60)),
      location: { type: 'Point', coordinates: [10.57 + i / 1e5, 43.84] },
      description: i % 2 ? 'buca in via Roma, àèìòù' : 'lampione spento',
      score: i / 7,
    })),
  );
  await db.collection('identities').insertOne({ _id: 'ref-1' as never, sealed: new Binary(Buffer.from([0, 1, 2, 250])), at: new Date() });
  const media = path.join(work, 'media-src');
  fs.mkdirSync(path.join(media, '2026', '12'), { recursive: true });
  fs.writeFileSync(path.join(media, '2026', '12', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
});
afterAll(async () => {
  await source.dropDatabase().catch(() => undefined);
  await target.dropDatabase().catch(() => undefined);
  await Promise.all([source.close(), target.close()]);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings back every collection, its indexes, typed values and the photos', async () => {
    const before = await snapshot(source);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const made = await backup({ uri: sourceUri, mediaDir: path.join(work, 'media-src'), out: path.join(work, 'b1') });
    expect(made).toMatchObject({ documents: 1501, mediaFiles: 1 });
    expect(fs.existsSync(path.join(work, 'b1.partial'))).toBe(false);

    const restored = await restore({ uri: targetUri, mediaDir: path.join(work, 'media-dst'), from: path.join(work, 'b1') });
    expect(restored.documents).toBe(1501);
    expect(await snapshot(target)).toEqual(before);
    expect(fs.readFileSync(path.join(work, 'media-dst', '2026', '12', 'photo.jpg'))).toEqual(
      fs.readFileSync(path.join(work, 'media-src', '2026', '12', 'photo.jpg')),
    );
    // The unique indexes came back unique: a second report with the same ticket is refused.
    await expect(
      target.db!.collection('reports').insertOne({ ticketCode: '2026-000001', sourceMessageKey: 'simulator:other' }),
    ).rejects.toThrow(/duplicate key/);
  });

  it('refuses to restore over data unless told to drop it, and does not overwrite a backup', async () => {
    await expect(restore({ uri: targetUri, mediaDir: path.join(work, 'media-dst'), from: path.join(work, 'b1') })).rejects.toThrow(
      /already holds data.*--drop/,
    );
    await target.db!.collection('reports').deleteMany({ ticketCode: { $gt: '2026-000100' } });
    await restore({ uri: targetUri, mediaDir: path.join(work, 'media-dst'), from: path.join(work, 'b1'), drop: true });
    expect(await target.db!.collection('reports').countDocuments()).toBe(1500);
    await expect(backup({ uri: sourceUri, mediaDir: path.join(work, 'media-src'), out: path.join(work, 'b1') })).rejects.toThrow(/exists/);
  });
});
