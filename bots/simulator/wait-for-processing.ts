/** Resolves when an inbound message has been processed (live event, with a polling fallback). */
import type { Channel } from '../../src/domain/message';
import type { EventBus, InboxStore } from '../../src/domain/ports';

export async function waitForProcessing(
  deps: { inbox: InboxStore; events: EventBus },
  channel: Channel,
  messageId: string,
  timeoutMs: number,
  /** Read the inbox at once (a redelivered message may be processed already). */
  checkFirst = true,
  /** The inbox's reference of the message, which its live events carry (defaults to messageId). */
  eventRef = messageId,
): Promise<'processed' | 'failed' | 'timeout'> {
  let unsubscribe = () => {};
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  try {
    return await new Promise((resolve) => {
      const check = async () => {
        const r = await deps.inbox.get(channel, messageId).catch(() => null);
        if (r && r.state !== 'received') resolve(r.state);
      };
      // The event is published after the message is marked processed: no need to read it back.
      unsubscribe = deps.events.subscribe((e) => {
        if (e.type === 'inbound.processed' && e.channel === channel && e.messageId === eventRef) resolve('processed');
      });
      if (checkFirst) void check();
      // A fallback only (a lost pub/sub message): the event above is the fast path.
      poll = setInterval(() => void check(), 1000);
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
  } finally {
    unsubscribe();
    clearTimeout(timer);
    clearInterval(poll);
  }
}
