/**
 * RemoteAuth's session store in MongoDB (GridFS), built on wwebjs-mongo's MongoStore over the
 * application's own connection.
 *
 * Why not MongoStore as is: whatsapp-web.js 1.34's RemoteAuth writes `<session>.zip` inside its
 * dataPath, but MongoStore.save() reads `<session>.zip` from the current directory, so the first
 * backup fails with ENOENT (whatsapp-web.js issue #3615). save() here reads it from dataPath.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { MongoStore } from 'wwebjs-mongo';

/** whatsapp-web.js RemoteAuth's `Store` interface. */
export type RemoteSessionStore = {
  sessionExists(options: { session: string }): Promise<boolean>;
  save(options: { session: string }): Promise<void>;
  extract(options: { session: string; path: string }): Promise<void>;
  delete(options: { session: string }): Promise<void>;
};

const bucketName = (session: string) => `whatsapp-${session}`;

export function createMongoSessionStore(connection: Connection, dataPath: string): RemoteSessionStore {
  // MongoStore wants a mongoose instance: the connection and the driver it came with are enough.
  const mongooseLike = { connection, mongo: connection.base.mongo };
  const store = new MongoStore({ mongoose: mongooseLike as never });
  const bucket = (session: string) => new connection.base.mongo.GridFSBucket(connection.db!, { bucketName: bucketName(session) });

  return {
    sessionExists: (o) => store.sessionExists(o),
    extract: (o) => store.extract(o),
    async delete({ session }) {
      const b = bucket(session);
      const files = await b.find({ filename: `${session}.zip` }).toArray();
      for (const f of files) await b.delete(f._id);
    },
    async save({ session }) {
      const b = bucket(session);
      const filename = `${session}.zip`;
      const zip = path.join(path.resolve(dataPath), filename);
      await access(zip); // fails with ENOENT before anything is written
      await new Promise<void>((resolve, reject) => {
        const upload = b.openUploadStream(filename);
        createReadStream(zip)
          .on('error', (err) => {
            void upload.abort().catch(() => undefined);
            reject(err);
          })
          .pipe(upload)
          .on('error', reject)
          .on('finish', () => resolve());
      });
      // Keep only the newest backup.
      const files = await b.find({ filename }).sort({ uploadDate: -1, _id: -1 }).toArray();
      for (const old of files.slice(1)) await b.delete(old._id);
    },
  };
}
