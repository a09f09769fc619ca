/**
 * Batching on the hot path: what callers ask for during one turn of the event loop is handled
 * together at setImmediate, so that many chats busy at once cost one MongoDB command where each
 * would have cost its own (the driver's per-command CPU; docs/ARCHITECTURE.md, "The hot path's
 * storage"). A caller alone waits only until setImmediate. Nothing is cached.
 * - createLoopTurnBatch: the mechanism (DataLoader), used by write-batcher.ts and outbound-claims.ts;
 * - createBatchLoader: reads by channel and key (a turn's conversation and pending messages, a
 *   message's replies), one `{ channel, <key>: { $in } }` query per channel on a `{ channel, <key> }` index.
 */
import DataLoader from 'dataloader';

/**
 * Hands what was asked for in this loop turn to `run` together; each caller gets the answer at its
 * position, or is rejected with the Error there. If `run` throws, every caller is rejected with it.
 */
export function createLoopTurnBatch<Ask, Answer>(run: (asked: readonly Ask[]) => Promise<ReadonlyArray<Answer | Error>>) {
  const loader = new DataLoader<Ask, Answer>(run, { cache: false, batchScheduleFn: (go) => setImmediate(go) });
  return (ask: Ask) => loader.load(ask);
}

/** A query value for one key or several: the plain key alone, which the server matches most simply. */
export const oneOrAnyOf = (keys: string[]) => (keys.length === 1 ? keys[0] : { $in: keys });

/** Reads the given keys of one channel: what each key finds (a key left out found nothing). */
export type ReadKeys<T> = (channel: string, keys: string[]) => Promise<Map<string, T>>;

export function createBatchLoader<T>(read: ReadKeys<T>) {
  const load = createLoopTurnBatch<{ channel: string; key: string }, T | undefined>(async (asked) => {
    const byChannel = new Map<string, Set<string>>();
    for (const { channel, key } of asked) byChannel.set(channel, (byChannel.get(channel) ?? new Set()).add(key));
    const found = new Map<string, Map<string, T>>();
    await Promise.all([...byChannel].map(async ([channel, keys]) => found.set(channel, await read(channel, [...keys]))));
    return asked.map(({ channel, key }) => found.get(channel)!.get(key));
  });
  return { load: (channel: string, key: string) => load({ channel, key }) };
}
