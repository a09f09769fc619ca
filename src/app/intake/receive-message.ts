/**
 * The entry point of every channel: store the message in the inbox (the platform may be acknowledged
 * only after this returns), remember who sent it, and schedule its processing. A redelivered message
 * is a no-op apart from re-scheduling, which is idempotent too.
 */
import type { InboundMessage } from '../../domain/message';
import type { CitizenBlockStore, IdentityStore, InboxStore, JobScheduler, OutboundLog } from '../../domain/ports';
import type { CitizenRefOf } from './citizen-ref';

const IDENTITY_REFRESH_MS = 60_000;

export type ReceiveResult = {
  duplicate: boolean;
  citizenRef: string;
  blocked?: boolean;
  /** The inbox's reference of the message (not stored when blocked): the id its live events carry. */
  messageRef?: string;
};

/** Citizens blocked by an agent: their messages are counted, not stored; one notice per block. */
export type BlockedCitizens = { store: CitizenBlockStore; outbound: Pick<OutboundLog, 'record'>; notice(lang: 'it' | 'en', until: Date): string };
export type ReceiveMessage = (msg: InboundMessage) => Promise<ReceiveResult>;

export function createReceiveMessage(deps: {
  inbox: InboxStore;
  identities: IdentityStore;
  scheduler: JobScheduler;
  citizenRefOf: CitizenRefOf;
  /** How long to wait for Redis to take the job before answering the platform anyway. @default 2000 */
  enqueueWaitMs?: number;
  /** Told when a new message is stored (not a redelivery): for the metrics. */
  onStored?: (msg: InboundMessage) => void;
  /** Told when a stored message is left to the reconciler (Redis down or slow): for the log. */
  onScheduleDeferred?: (msg: InboundMessage, reason: string) => void;
  blocks?: BlockedCitizens;
}): ReceiveMessage {
  // The identity (and its lastInboundAt, used for WhatsApp's 24-hour window) is refreshed at most
  // once a minute per citizen by this process: a citizen typing a dialog costs one write, not eight.
  const refreshedAt = new Map<string, number>();
  const refreshIdentity = async (citizenRef: string, msg: InboundMessage) => {
    const now = Date.now();
    if (now - (refreshedAt.get(citizenRef) ?? 0) < IDENTITY_REFRESH_MS) return;
    await deps.identities.upsertFromInbound(citizenRef, msg);
    if (refreshedAt.size > 50_000) refreshedAt.clear();
    refreshedAt.set(citizenRef, now);
  };
  // Stored means safe: with Redis down or slow the platform still gets its 200 once MongoDB has the
  // message, and the reconciler schedules it from MongoDB when Redis is back (app/intake/reconcile.ts).
  const enqueueWaitMs = deps.enqueueWaitMs ?? 2000;
  const scheduleOrLeaveToReconciler = async (msg: InboundMessage, justStored: boolean) => {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), enqueueWaitMs)));
    const enqueued = deps.scheduler.enqueueInbound(msg.channel, msg.chatId, msg.messageId, { justStored }).then(
      () => 'ok' as const,
      (err: Error) => err,
    );
    const outcome = await Promise.race([enqueued, gaveUp]);
    clearTimeout(timer);
    if (outcome !== 'ok')
      deps.onScheduleDeferred?.(msg, outcome === 'timeout' ? `no answer from Redis in ${enqueueWaitMs} ms` : outcome.message);
  };
  return async (msg) => {
    const citizenRef = deps.citizenRefOf(msg.channel, msg.chatId);
    const blocked = deps.blocks ? await deps.blocks.store.countBlocked(citizenRef, msg.receivedAt) : null;
    if (blocked && deps.blocks) {
      if (blocked.noticeDue) {
        const lang = msg.sender.languageCode?.toLowerCase().startsWith('en') ? 'en' : 'it';
        const notice = {
          channel: msg.channel,
          chatId: msg.chatId,
          text: deps.blocks.notice(lang, blocked.block.until),
          language: lang,
          purpose: 'dialog' as const,
          inReplyTo: msg.messageId,
          outboundId: `${msg.channel}:${msg.messageId}:blocked`,
        } as const;
        await deps.blocks.outbound.record(notice);
        await deps.scheduler.enqueueOutbound(notice).catch(() => undefined); // the reconciler sends it if Redis is down
      }
      return { duplicate: false, citizenRef, blocked: true };
    }
    const { duplicate, record } = await deps.inbox.save(msg, citizenRef);
    if (!duplicate) {
      deps.onStored?.(msg);
      await refreshIdentity(citizenRef, msg);
    }
    // Enqueue also on a duplicate that is still unprocessed: the first delivery may have been stored
    // and then lost its job (crash between the two writes). The job id makes this idempotent.
    // From here on the message is known by the inbox's reference, not the platform's id (which may
    // carry the phone number): job ids, reply ids and the conversation all use it.
    if (record.state === 'received') await scheduleOrLeaveToReconciler({ ...msg, messageId: record.messageId }, !duplicate);
    return { duplicate, citizenRef, messageRef: record.messageId };
  };
}
