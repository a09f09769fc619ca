/**
 * Batched reads on the hot path (a turn's conversation and pending messages, a message's replies):
 * the reads asked for during one turn of the event loop go as one query per channel
 * (`{ channel, <key>: { $in: [...] } }`, served by a `{ channel, <key> }` index), and each caller
 * gets its own key's answer. Like write-batcher.ts, it saves the driver's per-command cost when many
 * chats are busy at once; alone, a read waits only until setImmediate. Nothing is cached.
 */
import DataLoader from 'dataloader';

/** Reads the given keys of one channel: what each key finds (a key left out found nothing). */
export type ReadKeys<T> = (channel: string, keys: string[]) => Promise<Map<string, T>>;

export function createBatchLoader<T>(read: ReadKeys<T>) {
  const loader = new DataLoader<{ channel: string; key: string }, T | undefined>(
    async (asked) => {
      const byChannel = new Map<string, Set<string>>();
      for (const { channel, key } of asked) byChannel.set(channel, (byChannel.get(channel) ?? new Set()).add(key));
      const found = new Map<string, Map<string, T>>();
      await Promise.all([...byChannel].map(async ([channel, keys]) => found.set(channel, await read(channel, [...keys]))));
      return asked.map(({ channel, key }) => found.get(channel)!.get(key));
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );
  return { load: (channel: string, key: string) => loader.load({ channel, key }) };
}
