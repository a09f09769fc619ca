/**
 * The MongoDB connection. Retries forever in the background (readiness reports it as down), logs the
 * cause once per failed attempt, never a stack-trace flood.
 */
import mongoose from 'mongoose';
import type { Logger } from '../log/logger';

export type MongoHandle = {
  connection: mongoose.Connection;
  /** true when the server answers a ping now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export function connectMongo(uri: string, logger: Logger, opts: { retryDelayMs?: number } = {}): MongoHandle {
  const connection = mongoose.createConnection();
  let closed = false;
  const retryDelayMs = opts.retryDelayMs ?? 3000;

  const attempt = async (): Promise<void> => {
    while (!closed) {
      try {
        await connection.openUri(uri, { serverSelectionTimeoutMS: 3000, maxPoolSize: 50 });
        logger.info('MongoDB connected', { db: connection.name });
        return;
      } catch (err) {
        if (closed) return;
        logger.warn(`MongoDB unreachable, retrying in ${retryDelayMs} ms: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, retryDelayMs));
      }
    }
  };
  void attempt();

  return {
    connection,
    async ping() {
      if (connection.readyState !== 1 || !connection.db) return false;
      try {
        await Promise.race([
          connection.db.admin().ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
        ]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      closed = true;
      await connection.close().catch(() => undefined);
    },
  };
}

/** Waits until the connection is open (for scripts and tests), or throws after timeoutMs. */
export async function waitForMongo(handle: MongoHandle, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (handle.connection.readyState !== 1) {
    if (Date.now() > deadline) throw new Error('MongoDB did not become reachable in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
