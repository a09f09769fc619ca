/**
 * The reconciler: MongoDB is the source of truth and Redis may lose everything (a restart without
 * AOF, a failover). Every pass re-schedules what MongoDB says is unfinished but older than
 * `graceMs` — inbox messages not processed, outbound messages not confirmed sent, advisories still
 * sending. Scheduling is idempotent (job ids are the message ids), so a job still in Redis is not
 * doubled, and per-chat order holds: the inbound job processes the chat's pending messages in
 * arrival order, and a send waits for the chat's older queued messages (chat-order.ts).
 * One process at a time runs passes, under a lease in MongoDB.
 */
import type { AdvisoryStore, InboxStore, JobScheduler, LeaseStore, OutboundLog } from '../../domain/ports';

export const RECONCILER_LEASE = 'reconciler';
/** At most this many items of each kind per pass; the next pass takes the rest. */
const BATCH = 500;

export type ReconcileCounts = { inbound: number; outbound: number; advisories: number };

export type ReconcilerDeps = {
  inbox: InboxStore;
  outbound: OutboundLog;
  advisories: AdvisoryStore;
  scheduler: JobScheduler;
  leases: LeaseStore;
  /** Who runs the passes (host and pid): the lease's holder. */
  holder: string;
  /** Only what is older than this is re-scheduled: younger items still have their job in flight. */
  graceMs: number;
  /** How long a pass's lease lasts: a little more than the interval between passes. */
  leaseMs: number;
};

/** One pass; null when another process holds the lease. */
export function createReconcilePass(deps: ReconcilerDeps) {
  return async function reconcileOnce(now = new Date()): Promise<ReconcileCounts | null> {
    if (!(await deps.leases.acquire(RECONCILER_LEASE, deps.holder, deps.leaseMs, now))) return null;
    const before = new Date(now.getTime() - deps.graceMs);
    const counts: ReconcileCounts = { inbound: 0, outbound: 0, advisories: 0 };

    // One job per chat is enough: it processes every pending message of the chat, in order.
    const seenChats = new Set<string>();
    for (const msg of await deps.inbox.listUnprocessed(before, BATCH)) {
      const chat = `${msg.channel}:${msg.chatId}`;
      if (seenChats.has(chat)) continue;
      seenChats.add(chat);
      await deps.scheduler.enqueueInbound(msg.channel, msg.chatId, msg.messageId);
      counts.inbound++;
    }
    // Oldest first, so each chat's messages are scheduled in recorded order.
    for (const msg of await deps.outbound.listQueued(before, BATCH)) {
      await deps.scheduler.enqueueOutbound(msg);
      counts.outbound++;
    }
    for (const advisory of await deps.advisories.listSending(before, BATCH)) {
      await deps.scheduler.enqueueAdvisoryFanOut(advisory.id);
      counts.advisories++;
    }
    return counts;
  };
}

/**
 * Runs a pass every `intervalMs` until closed. A failed pass (MongoDB or Redis down) is logged and
 * the next one tries again; closing gives the lease up so another process takes over at once.
 */
export function startReconcileLoop(opts: {
  reconcileOnce: (now?: Date) => Promise<ReconcileCounts | null>;
  leases: LeaseStore;
  holder: string;
  intervalMs: number;
  logger: { info(msg: string): void; warn(msg: string): void };
  /** Told what each pass re-scheduled: for the metrics. */
  onPass?: (counts: ReconcileCounts) => void;
}): { name: string; close(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let passing = false;
  const tick = () => {
    // A pass still waiting on a hung Redis or MongoDB: the next starts after it, never beside it.
    if (passing) return;
    passing = true;
    running = (async () => {
      try {
        const counts = await opts.reconcileOnce();
        if (counts) opts.onPass?.(counts);
        if (counts && counts.inbound + counts.outbound + counts.advisories > 0)
          opts.logger.info(
            `reconciler re-scheduled ${counts.inbound} inbound chat(s), ${counts.outbound} outbound message(s), ${counts.advisories} advisory(ies)`,
          );
      } catch (err) {
        opts.logger.warn(`reconciler pass failed, next in ${opts.intervalMs} ms: ${(err as Error).message}`);
      } finally {
        passing = false;
      }
    })();
  };
  tick();
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, opts.intervalMs);
  timer.unref();
  return {
    name: 'reconciler',
    async close() {
      stopped = true;
      clearInterval(timer);
      await running;
      await opts.leases.release(RECONCILER_LEASE, opts.holder).catch(() => undefined);
    },
  };
}
