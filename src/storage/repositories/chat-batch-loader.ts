/**
 * Batched reads by chat for the start of a dialog turn (the conversation, the pending messages):
 * the reads asked for during one turn of the event loop go as one query per channel
 * (`chatKey: { $in: [...] }`, served by the `{ channel, chatKey }` indexes), and each caller gets
 * its own chat's answer. Like write-batcher.ts, it saves the driver's per-command cost when many
 * chats are busy at once; alone, a read waits only until setImmediate. Nothing is cached.
 */
import DataLoader from 'dataloader';

/** Reads the given chats of one channel: what each chat key finds (a chat left out found nothing). */
export type ReadChats<T> = (channel: string, chatKeys: string[]) => Promise<Map<string, T>>;

export function createChatBatchLoader<T>(read: ReadChats<T>) {
  const loader = new DataLoader<{ channel: string; chatKey: string }, T | undefined, string>(
    async (asked) => {
      const byChannel = new Map<string, string[]>();
      for (const { channel, chatKey } of asked) byChannel.set(channel, [...(byChannel.get(channel) ?? []), chatKey]);
      const found = new Map<string, Map<string, T>>();
      await Promise.all([...byChannel].map(async ([channel, chatKeys]) => found.set(channel, await read(channel, [...new Set(chatKeys)]))));
      return asked.map(({ channel, chatKey }) => found.get(channel)!.get(chatKey));
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );
  return { load: (channel: string, chatKey: string) => loader.load({ channel, chatKey }) };
}
