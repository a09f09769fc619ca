/**
 * The inbound job: under the chat's lock, run the dialog engine on every pending message of the chat
 * in arrival order. Each step is idempotent, so a retried job never doubles a report or a reply:
 * the report is keyed by the message, replies by message + index, the state by version.
 */
import type { Channel, OutboundMessage } from '../../domain/message';
import type { ConversationRecord, ConversationStore, EventBus, InboxRecord, InboxStore, JobScheduler, OutboundLog } from '../../domain/ports';
import type { DialogEngine } from '../../dialog/engine.types';
import type { ChatLock } from '../../domain/ports';
import { messageLimitVerdict, receiptsAfter, type MessageLimit } from './citizen-limits';
import type { DeliveryDecision } from './deliver-outbound';
import { transcribeVoiceNote, type VoiceNotes } from './transcribe-voice-note';

export type ProcessInboundDeps = {
  inbox: InboxStore;
  conversations: ConversationStore<unknown>;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  events: EventBus;
  engine: DialogEngine<unknown>;
  chatLock: ChatLock;
  now?: () => Date;
  /** Per-citizen message limit (see citizen-limits.ts); without it every message reaches the dialog. */
  messageLimit?: MessageLimit;
  /** Speech-to-text for voice notes (SPEECH_TO_TEXT_URL); without it they never reach the worker as audio. */
  voiceNotes?: VoiceNotes;
  /**
   * Channels whose replies this job sends itself, right after recording them (deliver-outbound.ts,
   * claim before send included), instead of one outbound job per reply. A reply not sent at once
   * goes to the queue, and so do the turn's later replies (their order is kept).
   */
  sendNow?: ReadonlyMap<Channel, (outboundId: string) => Promise<DeliveryDecision>>;
  /**
   * Channels whose intake waits for a message to be processed (the simulator's POST answers with the
   * replies): only theirs are announced with an `inbound.processed` event. Without it, every channel's.
   */
  announceProcessed?: ReadonlySet<Channel>;
  /**
   * A message that read like an emergency, once processed: alerts the panels and, outside service
   * hours, pages the on-call officer (src/app/staff/page-on-call.ts). Nothing about the citizen.
   */
  onEmergency?: (message: { channel: Channel; messageId: string; at: Date }) => Promise<void>;
};

/** The language to hint to the speech-to-text server: the dialog's, else the platform's, else Italian. */
function languageHint(state: unknown, languageCode: string | undefined): 'it' | 'en' {
  const dialog = (state as { language?: unknown } | null)?.language;
  if (dialog === 'it' || dialog === 'en') return dialog;
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'it';
}

export class ConcurrentUpdateError extends Error {
  override name = 'ConcurrentUpdateError';
}

export function replyOutboundId(channel: Channel, messageId: string, index: number) {
  return `${channel}:${messageId}:r${index}`;
}

export function createProcessInbound(deps: ProcessInboundDeps) {
  const now = deps.now ?? (() => new Date());

  /** Sends the replies now where the channel allows it (see sendNow), else schedules their jobs. */
  const deliverOrEnqueue = async (replies: OutboundMessage[]) => {
    let queued = false;
    for (const reply of replies) {
      const sendNow = queued ? undefined : deps.sendNow?.get(reply.channel);
      if (sendNow) {
        // An error (MongoDB or the platform) leaves the reply to its job, which retries it.
        const decision = await sendNow(reply.outboundId).catch(() => undefined);
        if (decision && decision.kind !== 'retry_later') continue;
      }
      queued = true;
      // A retry of a recorded reply is idempotent by its job id.
      await deps.scheduler.enqueueOutbound(reply);
    }
  };

  const enqueueReplies = async (channel: Channel, messageId: string) => {
    await deliverOrEnqueue((await deps.outbound.listReplies(channel, messageId)).filter((r) => r.state === 'queued'));
  };

  // The transcript is in the dialog now; the voice itself is kept only when configured to be.
  const discardAudio = async ({ payload }: InboxRecord) => {
    if (payload.kind === 'audio' && payload.mediaRef && deps.voiceNotes && !deps.voiceNotes.keepAudio)
      await deps.voiceNotes.audio.deleteAudio(payload.mediaRef);
  };

  const processOne = async (record: InboxRecord, loaded?: ConversationRecord<unknown>) => {
    const { channel, chatId, messageId } = record;
    const saved = loaded ?? (await deps.conversations.load(channel, chatId));
    if (saved.lastMessageId === messageId) {
      // Applied before a crash: only the tail (enqueue + mark) may be missing.
      await enqueueReplies(channel, messageId);
      await deps.inbox.markProcessed(channel, messageId);
      await discardAudio(record);
      return;
    }
    const limited = deps.messageLimit ? messageLimitVerdict(deps.messageLimit, record, saved) : undefined;
    const payload =
      !limited && record.payload.kind === 'audio' && deps.voiceNotes
        ? await transcribeVoiceNote(deps.voiceNotes, record.payload, languageHint(saved.state, record.languageCode), record.receivedAt, now())
        : record.payload;
    const turn = limited ?? await deps.engine.handle({
      state: saved.state,
      message: {
        channel,
        chatId,
        messageId,
        receivedAt: record.receivedAt,
        payload,
        sender: { platformId: chatId, ...(record.languageCode ? { languageCode: record.languageCode } : {}) },
      },
      citizenRef: record.citizenRef,
      now: now(),
    });
    const replies: OutboundMessage[] = turn.replies.map((r, i) => ({
      channel,
      chatId,
      text: r.text,
      choices: r.choices,
      requestLocation: r.requestLocation,
      ...(turn.language ? { language: turn.language } : {}),
      purpose: 'dialog',
      reportId: turn.reportId,
      inReplyTo: messageId,
      outboundId: replyOutboundId(channel, messageId, i),
    }));
    await deps.outbound.recordAll(replies);
    const receipts = deps.messageLimit ? receiptsAfter(deps.messageLimit, record, saved) : undefined;
    const ok = await deps.conversations.save(channel, chatId, record.citizenRef, turn.state, saved.version, messageId, receipts);
    if (!ok) throw new ConcurrentUpdateError(`conversation ${channel} changed while processing ${messageId}`);
    await deliverOrEnqueue(replies);
    await deps.inbox.markProcessed(channel, messageId, turn.reportId);
    // The voice notes the report was dictated with show on its timeline (and, when kept, play there).
    if (turn.reportId && turn.voiceNotes?.length) await deps.inbox.linkToReport(channel, turn.voiceNotes, turn.reportId);
    await discardAudio(record);
    if (turn.reportId && turn.reportCreated) await deps.events.publish({ type: 'report.created', reportId: turn.reportId });
    if (turn.reportId && turn.reportUpdated) await deps.events.publish({ type: 'report.updated', reportId: turn.reportId });
    if (turn.emergency) await deps.onEmergency?.({ channel, messageId, at: record.receivedAt });
  };

  /** Processes the chat's pending messages (the given one included) in order. */
  return async function processInbound(job: { channel: Channel; chatId: string; messageId: string }) {
    await deps.chatLock.withLock(job.channel, job.chatId, async () => {
      const processed: string[] = [];
      // The conversation is read beside the pending list (one wait instead of two); a later message
      // of the same run reads it again, as its turn saved it.
      const [pending, conversation] = await Promise.all([
        deps.inbox.listPending(job.channel, job.chatId),
        deps.conversations.load(job.channel, job.chatId),
      ]);
      for (const record of pending) {
        await processOne(record, processed.length === 0 ? conversation : undefined);
        processed.push(record.messageId);
      }
      if (deps.announceProcessed && !deps.announceProcessed.has(job.channel)) return;
      for (const messageId of processed) await deps.events.publish({ type: 'inbound.processed', channel: job.channel, messageId });
    });
  };
}
