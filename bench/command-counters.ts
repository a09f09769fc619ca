/**
 * Counting what the service asks of its servers, without touching the service:
 * - MongoDB: a TCP proxy between the service and the MongoDB-wire server reads the wire protocol's
 *   message headers and counts each client command by name (the first key of OP_MSG's body). The
 *   embedded server keeps no opcounters (serverStatus answers zeros), and the driver's own command
 *   monitoring would cost the measured process CPU.
 * - Redis: INFO commandstats, before and after.
 */
import net from 'node:net';
import type { Redis } from 'ioredis';

/** Commands the driver's monitoring connections send on their own (heartbeats), not the application. */
const MONITORING = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions']);

export type MongoCommandCounter = {
  /** The proxied URL to give the service. */
  url: string;
  /** Application commands by name since the last reset. */
  counts(): Map<string, number>;
  /** Milliseconds from each command to its reply (the server's time plus the proxy's), summed by name since the last reset. */
  millis(): Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
};

const OP_MSG = 2013;

function commandName(message: Buffer): string | undefined {
  if (message.readInt32LE(12) !== OP_MSG) return undefined;
  // header (16) + flagBits (4) + section kind 0 (1) + BSON size (4) + element type (1) = the first key
  let offset = 16 + 4;
  if (message[offset] !== 0) return undefined;
  const type = message[offset + 1 + 4];
  offset += 1 + 4 + 1;
  const end = message.indexOf(0, offset);
  if (end <= offset) return undefined;
  const name = message.toString('utf8', offset, end);
  // A string value (type 2: int32 length, bytes, NUL) is the collection: "find inbox_messages".
  if (type !== 2) return name;
  const length = message.readInt32LE(end + 1);
  return `${name} ${message.toString('utf8', end + 5, end + 4 + length)}`;
}

export async function startMongoCommandCounter(mongoUrl: string): Promise<MongoCommandCounter> {
  const target = new URL(mongoUrl);
  const counts = new Map<string, number>();
  const millis = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    let replies: Buffer = Buffer.alloc(0);
    const asked = new Map<number, { name: string; at: number }>();
    client.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 16) {
        const length = pending.readInt32LE(0);
        if (pending.length < length) break;
        const name = commandName(pending.subarray(0, length));
        if (name && !MONITORING.has(name.split(' ')[0]!)) {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          asked.set(pending.readInt32LE(4), { name, at: performance.now() });
        }
        pending = pending.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      replies = replies.length ? Buffer.concat([replies, chunk]) : chunk;
      while (replies.length >= 16) {
        const length = replies.readInt32LE(0);
        if (replies.length < length) break;
        const responseTo = replies.readInt32LE(8);
        const q = asked.get(responseTo);
        if (q) {
          asked.delete(responseTo);
          millis.set(q.name, (millis.get(q.name) ?? 0) + performance.now() - q.at);
        }
        replies = replies.subarray(length);
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(mongoUrl);
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    counts: () => new Map(counts),
    millis: () => new Map(millis),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => {
      counts.clear();
      millis.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Redis commands served so far, by command (INFO commandstats), without the INFO calls themselves. */
export async function redisCommandCounts(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const counts = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) if (m[1] !== 'info') counts.set(m[1]!, Number(m[2]));
  return counts;
}

/** after - before, by name, largest first. */
export function delta(before: Map<string, number>, after: Map<string, number>): Array<[string, number]> {
  return [...after]
    .map(([name, n]) => [name, n - (before.get(name) ?? 0)] as [string, number])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
}
