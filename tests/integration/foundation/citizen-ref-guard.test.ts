/**
 * A production process refuses a CITIZEN_REF_SECRET other than the one its database was first run
 * with (a new secret would change every citizen ref: docs/operations.md, "Secrets"). Real processes
 * on the embedded MongoDB-wire server; on the old code the third process ran with the new secret.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../script/embedded-servers';
import { citizenRefFingerprint } from '../../../src/storage/citizen-ref-guard';
import { freshMongoUrl, redisUrl, uniqueName } from '../../support/databases';
import { spawnService } from '../../support/service-process';

const secret = () => randomBytes(32).toString('base64');

describe('CITIZEN_REF_SECRET under an existing database', () => {
  it('is recorded on the first start, accepted unchanged, refused when different', async () => {
    const mongoUrl = freshMongoUrl('refguard');
    const original = secret();
    const start = async (citizenRefSecret: string) =>
      spawnService({
        NODE_ENV: 'production',
        SERVICES: 'worker',
        PORT: String(await freePort()),
        PUBLIC_URL: 'https://vicinato.comune.example.it',
        MONGODB_URI: mongoUrl,
        REDIS_URL: redisUrl(),
        REDIS_PREFIX: uniqueName('refguard'),
        SESSION_SECRET: secret(),
        CITIZEN_REF_SECRET: citizenRefSecret,
        DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vicinato-refguard-')),
      });
    const conn = await mongoose.createConnection(mongoUrl).asPromise();
    const recorded = async () => conn.db!.collection('deployment_settings').findOne({ _id: 'citizen-ref-secret' as never });
    try {
      const first = await start(original);
      await first.waitForOutput(/Vicinato started/);
      for (let i = 0; i < 100 && !(await recorded()); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await recorded())?.fingerprint).toBe(citizenRefFingerprint(original));
      await first.stop();

      const same = await start(original);
      await same.waitForOutput(/Vicinato started/);
      await new Promise((r) => setTimeout(r, 1500));
      expect(same.child.exitCode).toBeNull();
      expect(same.output()).not.toMatch(/refusing to run/);
      await same.stop();

      const rotated = await start(secret());
      expect(await rotated.exited).toBe(1);
      expect(rotated.output()).toMatch(/refusing to run: CITIZEN_REF_SECRET is not the one this database was created with/);
      expect((await recorded())?.fingerprint).toBe(citizenRefFingerprint(original));
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  }, 90_000);
});
