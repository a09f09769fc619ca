/**
 * The fan-out of one advisory, run by its background job (a send to tens of thousands of
 * subscribers would not fit in an HTTP request): one message per subscribed citizen, recorded in
 * the outbound log with purpose 'advisory' and queued on the citizen's channel, whose sender keeps
 * the platform's limits and rules. Works in batches and is idempotent per advisory and citizen
 * (outboundId), so a job retried after a crash completes the send without repeating a message.
 */
import { advisoryText } from '../../texts/citizen/notice-text';
import type { OutboundMessage } from '../../domain/message';
import type { Advisory, IdentityStore, JobScheduler, OutboundLog, Subscription, SubscriptionStore } from '../../domain/ports';

export type FanOutDeps = {
  subscriptions: Pick<SubscriptionStore, 'findForZones'>;
  /** Where each subscriber is reached (subscriptions carry only citizenRefs). */
  identities: Pick<IdentityStore, 'get'>;
  outbound: Pick<OutboundLog, 'recordAll'>;
  scheduler: Pick<JobScheduler, 'enqueueOutbound'>;
  municipalityName: string;
  /** Zone id -> name. */
  zoneNames: ReadonlyMap<string, string>;
  /**
   * Citizens handled together: their identities read at once, their messages recorded in one write.
   * @defaultValue 50
   */
  batchSize?: number;
};

/** recipients: subscribed citizens; failed: those with no chat known (no identity), not sent. */
export type FanOutResult = { recipients: number; queued: number; failed: number };

type Chat = { citizenRef: string; channel: Subscription['channel']; language: 'it' | 'en'; zoneIds: Set<string> };

/** One entry per citizen: a citizen with several matching subscriptions gets the advisory once. */
function chatsOf(subscriptions: readonly Subscription[], zones: readonly string[]): Chat[] {
  const chats = new Map<string, Chat>();
  for (const sub of subscriptions) {
    const chat = chats.get(sub.citizenRef) ?? {
      citizenRef: sub.citizenRef,
      channel: sub.channel,
      language: sub.language,
      zoneIds: new Set<string>(),
    };
    if (sub.zoneId && zones.includes(sub.zoneId)) chat.zoneIds.add(sub.zoneId);
    chats.set(sub.citizenRef, chat);
  }
  return [...chats.values()];
}

export const advisoryOutboundId = (advisoryId: string, citizenRef: string) => `advisory:${advisoryId}:${citizenRef}`;

export function createFanOutAdvisory(deps: FanOutDeps) {
  const batchSize = Math.max(1, deps.batchSize ?? 50);

  const messageFor = (advisory: Pick<Advisory, 'id' | 'text'>, chat: Chat, chatId: string): OutboundMessage => ({
    channel: chat.channel,
    chatId,
    text: advisoryText(advisory.text, {
      municipality: deps.municipalityName,
      zoneNames: [...chat.zoneIds].map((id) => deps.zoneNames.get(id) ?? id),
      lang: chat.language,
    }),
    language: chat.language,
    purpose: 'advisory',
    advisoryId: advisory.id,
    outboundId: advisoryOutboundId(advisory.id, chat.citizenRef),
  });

  /**
   * Records and queues the advisory for every subscribed citizen. A fault (storage, queue) throws:
   * the job's retry completes the rest, and the messages already recorded are not repeated.
   */
  return async function fanOutAdvisory(advisory: Pick<Advisory, 'id' | 'zones' | 'text'>): Promise<FanOutResult> {
    const chats = chatsOf(await deps.subscriptions.findForZones(advisory.zones), advisory.zones);
    let failed = 0;
    for (let i = 0; i < chats.length; i += batchSize) {
      const batch = chats.slice(i, i + batchSize);
      const identities = await Promise.all(batch.map((chat) => deps.identities.get(chat.citizenRef)));
      const messages: OutboundMessage[] = [];
      batch.forEach((chat, j) => {
        const identity = identities[j];
        if (identity) messages.push(messageFor(advisory, chat, identity.chatId));
        else failed++;
      });
      // Recorded first (each once per outboundId), then queued (each once per outboundId).
      await deps.outbound.recordAll(messages);
      await Promise.all(messages.map((msg) => deps.scheduler.enqueueOutbound(msg)));
    }
    return { recipients: chats.length, queued: chats.length - failed, failed };
  };
}
