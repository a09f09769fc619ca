/**
 * Backup and restore of Vicinato's data: every MongoDB collection of the database in MONGODB_URI
 * (documents as canonical Extended JSON, so dates, ObjectIds and binary keep their types, plus each
 * collection's indexes) and the photos in MEDIA_DIR. Uses only the MongoDB driver, so it works with
 * any MongoDB-wire server and needs no mongodump (docs/operations.md compares the two).
 *
 *   npm run backup -- --out /var/backups/vicinato/2026-12-04
 *   npm run restore -- --from /var/backups/vicinato/2026-12-04 [--drop]
 *
 * A backup is written to <out>.partial and renamed when complete. Restore refuses a database that
 * already holds data unless --drop is given (then each collection is replaced). Settings come from
 * the environment (config/env.ts), as for the service. Exit codes: 0 done, 1 refused or failed, 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../config/env';

const { EJSON } = mongoose.mongo.BSON;
const FORMAT = 'vicinato-backup/1';
const BATCH = 1000;

type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  database: string;
  collections: { name: string; count: number; indexes: Record<string, unknown>[] }[];
  media: boolean;
};

export type BackupResult = { dir: string; collections: number; documents: number; mediaFiles: number };

async function withDb<T>(uri: string, fn: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}

const countFiles = (dir: string): number =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;

export async function backup(opts: { uri: string; mediaDir: string; out: string }): Promise<BackupResult> {
  const out = path.resolve(opts.out);
  if (fs.existsSync(out)) throw new Error(`${out} exists: choose a new directory for each backup`);
  const partial = `${out}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, 'collections'), { recursive: true });
  let documents = 0;
  const manifest = await withDb(opts.uri, async (db) => {
    const names = (await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((n) => !n.startsWith('system.'))
      .sort();
    const collections: Manifest['collections'] = [];
    for (const name of names) {
      const file = fs.createWriteStream(path.join(partial, 'collections', `${name}.jsonl`));
      let count = 0;
      for await (const doc of db.collection(name).find({}, { sort: { _id: 1 } })) {
        if (!file.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await new Promise<void>((r) => file.once('drain', () => r()));
        count++;
      }
      await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
      const indexes = (await db.collection(name).indexes()).filter((i) => i.name !== '_id_').map(({ v: _v, ns: _ns, ...rest }) => rest);
      collections.push({ name, count, indexes });
      documents += count;
    }
    return {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      database: db.databaseName,
      collections,
      media: fs.existsSync(opts.mediaDir),
    } satisfies Manifest;
  });
  if (manifest.media) fs.cpSync(opts.mediaDir, path.join(partial, 'media'), { recursive: true });
  fs.writeFileSync(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(partial, out);
  return { dir: out, collections: manifest.collections.length, documents, mediaFiles: countFiles(path.join(out, 'media')) };
}

export async function restore(opts: { uri: string; mediaDir: string; from: string; drop?: boolean }): Promise<BackupResult> {
  const from = path.resolve(opts.from);
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`${from} is not a Vicinato backup (${String(manifest.format)})`);
  let documents = 0;
  await withDb(opts.uri, async (db) => {
    const existing = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((n) => !n.startsWith('system.'));
    const nonEmpty = [];
    for (const name of existing) if ((await db.collection(name).estimatedDocumentCount()) > 0) nonEmpty.push(name);
    if (nonEmpty.length && !opts.drop)
      throw new Error(
        `database ${db.databaseName} already holds data (${nonEmpty.slice(0, 5).join(', ')}…): stop the service and restore with --drop`,
      );
    for (const { name, count, indexes } of manifest.collections) {
      if (existing.includes(name)) await db.collection(name).drop();
      await db.createCollection(name);
      const lines = readline.createInterface({
        input: fs.createReadStream(path.join(from, 'collections', `${name}.jsonl`)),
        crlfDelay: Infinity,
      });
      let batch: Record<string, unknown>[] = [];
      let restored = 0;
      for await (const line of lines) {
        if (!line) continue;
        batch.push(EJSON.parse(line, { relaxed: false }) as Record<string, unknown>);
        if (batch.length >= BATCH) {
          await db.collection(name).insertMany(batch, { ordered: true });
          restored += batch.length;
          batch = [];
        }
      }
      if (batch.length) await db.collection(name).insertMany(batch, { ordered: true });
      restored += batch.length;
      if (restored !== count) throw new Error(`${name}: ${restored} documents in the backup file, the manifest says ${count}`);
      for (const { key, name: indexName, ...options } of indexes)
        await db.collection(name).createIndex(key as Record<string, 1 | -1>, { ...options, name: indexName as string });
      documents += restored;
    }
  });
  if (manifest.media) {
    fs.mkdirSync(opts.mediaDir, { recursive: true });
    fs.cpSync(path.join(from, 'media'), opts.mediaDir, { recursive: true, force: true });
  }
  return { dir: from, collections: manifest.collections.length, documents, mediaFiles: countFiles(path.join(from, 'media')) };
}

async function main(argv: string[]) {
  const [command, flag, dir, ...rest] = argv;
  const ok =
    (command === 'backup' && flag === '--out' && dir && rest.length === 0) ||
    (command === 'restore' && flag === '--from' && dir && rest.every((r) => r === '--drop'));
  if (!ok) {
    process.stderr.write('usage: backup --out DIR | restore --from DIR [--drop]\n');
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) for (const line of err.problems) process.stderr.write(`config error: ${line}\n`);
    else throw err;
    process.exit(1);
  }
  try {
    const r =
      command === 'backup'
        ? await backup({ uri: config.MONGODB_URI, mediaDir: config.MEDIA_DIR, out: dir })
        : await restore({ uri: config.MONGODB_URI, mediaDir: config.MEDIA_DIR, from: dir, drop: rest.includes('--drop') });
    process.stdout.write(`${command}: ${r.collections} collections, ${r.documents} documents, ${r.mediaFiles} photos (${r.dir})\n`);
  } catch (err) {
    process.stderr.write(`${command} failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main(process.argv.slice(2));
