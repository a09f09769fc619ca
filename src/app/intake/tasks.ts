/** The typed background tasks of the pipeline (what runs; src/queue decides where and how often). */
import type { Task } from '../../queue/task';
import { PermanentJobError, RetryLaterError } from '../../queue/task';
import type { InboundJob, OutboundJob } from '../../queue/queues';
import type { InboxStore, OutboundLog, JobScheduler } from '../../domain/ports';
import type { Logger } from '../../log/logger';
import type { DeliveryDecision } from './deliver-outbound';
import { apologyText } from './apology';

export function inboundTask(deps: {
  processInbound: (job: InboundJob) => Promise<void>;
  inbox: InboxStore;
  outbound: OutboundLog;
  scheduler: JobScheduler;
  logger: Logger;
}): Task<InboundJob> {
  return {
    name: 'process-message',
    jobOptions: {},
    perform: (job) => deps.processInbound(job),
    // After the last attempt: the message is marked failed (so it no longer blocks its chat) and the
    // citizen is told, instead of a silent drop.
    async onFailed(job, error) {
      await deps.inbox.markFailed(job.channel, job.messageId, error.message);
      const reply = {
        channel: job.channel,
        chatId: job.chatId,
        text: apologyText(),
        language: 'it' as const, // Italian first, English after: the default language labels it
        purpose: 'dialog' as const,
        inReplyTo: job.messageId,
        outboundId: `${job.channel}:${job.messageId}:failed`,
      };
      if (await deps.outbound.record(reply)) await deps.scheduler.enqueueOutbound(reply);
    },
  };
}

export function outboundTask(deps: {
  deliver: (outboundId: string, to: { channel: OutboundJob['channel']; chatId: string }) => Promise<DeliveryDecision>;
  outbound: OutboundLog;
}): Task<OutboundJob> {
  return {
    name: 'send-message',
    jobOptions: {},
    async perform(job) {
      const decision = await deps.deliver(job.outboundId, { channel: job.channel, chatId: job.chatId });
      if (decision.kind === 'retry_later') throw new RetryLaterError(decision.reason, decision.delayMs);
      if (decision.kind === 'give_up') throw new PermanentJobError(decision.reason);
    },
    async onFailed(job, error) {
      const record = await deps.outbound.get(job.outboundId);
      if (record && record.state === 'queued') await deps.outbound.setState(job.outboundId, 'failed', { error: error.message });
    },
  };
}
