/**
 * RemoteAuth's session backup in MongoDB (GridFS through wwebjs-mongo), on the MongoDB-wire server:
 * saved from RemoteAuth's dataPath (where whatsapp-web.js 1.34 writes the zip), one copy kept,
 * restored byte for byte, deleted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMongoSessionStore } from '../../../bots/whatsapp/mongo-session-store';
import { freshMongoUrl } from '../../support/databases';

let conn: mongoose.Connection;
const dataPath = mkdtempSync(path.join(os.tmpdir(), 'wa-remote-auth-'));
const session = 'RemoteAuth-vicinato';

beforeAll(async () => {
  conn = await mongoose.createConnection(freshMongoUrl('wa_session')).asPromise();
});
afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  rmSync(dataPath, { recursive: true, force: true });
});

describe('RemoteAuth session store in MongoDB', () => {
  it('backs up, keeps only the newest copy, restores and deletes the session', async () => {
    const store = createMongoSessionStore(conn, dataPath);
    expect(await store.sessionExists({ session })).toBe(false);

    const zip = path.join(dataPath, `${session}.zip`);
    writeFileSync(zip, randomBytes(300_000)); // larger than one GridFS chunk
    await store.save({ session });
    const newest = randomBytes(200_000);
    writeFileSync(zip, newest);
    await store.save({ session });

    expect(await store.sessionExists({ session })).toBe(true);
    expect(await conn.db!.collection(`whatsapp-${session}.files`).countDocuments()).toBe(1);

    const restored = path.join(dataPath, 'restored.zip');
    await store.extract({ session, path: restored });
    expect(readFileSync(restored).equals(newest)).toBe(true);

    await store.delete({ session });
    expect(await store.sessionExists({ session })).toBe(false);
  });

  it('fails the backup with the reason when the zip is missing', async () => {
    const store = createMongoSessionStore(conn, dataPath);
    await expect(store.save({ session: 'RemoteAuth-missing' })).rejects.toThrow(/ENOENT/);
  });
});
