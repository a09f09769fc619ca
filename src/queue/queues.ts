/**
 * Creates the queues and their workers. The only module (with task.ts) that imports bullmq.
 */
import { Queue, Worker, UnrecoverableError, DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log/logger';
import { withLogContext } from '../log/logger';
import type { OutboundMessage } from '../domain/message';
import type { AdvisoryJob, InboundJob, JobScheduler, OutboundJob } from '../domain/ports';
import {
  JOB_FAN_OUT_ADVISORY,
  JOB_PROCESS_MESSAGE,
  JOB_SEND_MESSAGE,
  QUEUE_ADVISORIES,
  QUEUE_INBOUND,
  outboundQueueName,
  safeJobId,
} from './queue-names';
import { PermanentJobError, RetryLaterError, type Task } from './task';
import { infrastructureRetryDelayMs, isInfrastructureFault } from '../domain/infrastructure-fault';

export type { InboundJob, OutboundJob, AdvisoryJob };

const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export type Queues = ReturnType<typeof createQueues>;

export function createQueues(connection: Redis, prefix: string) {
  const opened = new Map<string, Queue>();
  const queue = (name: string) => {
    let q = opened.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      opened.set(name, q);
    }
    return q;
  };

  const scheduler: JobScheduler = {
    async enqueueInbound(channel, chatId, messageId, opts) {
      const payload: InboundJob = { channel, chatId, messageId };
      // Same jobId for a redelivered message: BullMQ returns the existing job instead of a second one.
      const job = await queue(QUEUE_INBOUND).add(JOB_PROCESS_MESSAGE, payload, {
        jobId: safeJobId('in', channel, messageId),
        attempts: 8,
        backoff: { type: 'exponential', delay: 500 },
        // A processed message is recorded in the inbox (MongoDB); its completed job would hold
        // nothing anyone reads, and keeping it costs every job's completion a trim of the completed
        // set. Removed at once, an id can be scheduled again (by the reconciler) if its message is
        // somehow still unprocessed; a redelivery of a processed message is not scheduled at all.
        removeOnComplete: true,
      });
      // Scheduled again (by the reconciler) while its message is still unprocessed in MongoDB: a job
      // that failed for good without recording it (MongoDB was down then) runs again. A message stored
      // just now has had no job yet: one Redis round trip less per message.
      if (!opts?.justStored && (await job.isFailed())) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    },
    async enqueueOutbound(msg: OutboundMessage) {
      const payload: OutboundJob = { outboundId: msg.outboundId, channel: msg.channel, chatId: msg.chatId };
      await queue(outboundQueueName(msg.channel)).add(JOB_SEND_MESSAGE, payload, {
        jobId: safeJobId('out', msg.outboundId),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
      });
    },
    async enqueueAdvisoryFanOut(advisoryId) {
      const payload: AdvisoryJob = { advisoryId };
      // Same jobId for a retried send: BullMQ returns the existing job instead of a second one.
      // About 4 minutes of retries (2 s doubling) before the advisory is marked failed.
      const job = await queue(QUEUE_ADVISORIES).add(JOB_FAN_OUT_ADVISORY, payload, {
        jobId: safeJobId('advisory', advisoryId),
        attempts: 8,
        backoff: { type: 'exponential', delay: 2000 },
      });
      // The existing job had failed for good: the same job runs again, with its attempts renewed.
      if (await job.isFailed()) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    },
  };

  return {
    scheduler,
    queue,
    async close() {
      await Promise.all([...opened.values()].map((q) => q.close()));
    },
  };
}

export type WorkerHandle = { close(): Promise<void>; name: string };

/**
 * Runs a task's jobs from a queue. Each job's log lines carry its id. PermanentJobError stops
 * retries; RetryLaterError moves the job back to delayed for the given time without using an attempt.
 */
export function startWorker<P>(
  queueName: string,
  task: Task<P>,
  opts: {
    connection: Redis;
    prefix: string;
    logger: Logger;
    concurrency?: number;
    limiter?: { max: number; duration: number };
    /** Called once per job run: seconds, outcome and, for a failure, whether it was the last attempt. */
    onJobDone?: (queue: string, seconds: number, outcome: 'completed' | 'failed' | 'delayed', final: boolean) => void;
  },
): WorkerHandle {
  const done = (started: bigint, outcome: 'completed' | 'failed' | 'delayed', final = false) =>
    opts.onJobDone?.(queueName, Number(process.hrtime.bigint() - started) / 1e9, outcome, final);
  const worker = new Worker(
    queueName,
    async (job: Job, token?: string) =>
      withLogContext({ jobId: `${queueName}/${job.id}` }, async () => {
        const started = process.hrtime.bigint();
        try {
          await task.perform(job.data as P, {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            maxAttempts: job.opts.attempts ?? 1,
          });
          done(started, 'completed');
        } catch (err) {
          const delayed = (err instanceof RetryLaterError || isInfrastructureFault(err)) && Boolean(token);
          done(started, delayed ? 'delayed' : 'failed', !delayed && (err instanceof PermanentJobError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)));
          if (err instanceof RetryLaterError && token) {
            opts.logger.info(`job delayed ${err.delayMs} ms: ${err.message}`);
            await job.moveToDelayed(Date.now() + err.delayMs, token);
            throw new DelayedError();
          }
          // MongoDB or Redis down: wait it out, however long, without using an attempt. If Redis
          // itself is down the move fails too; the job's lock then expires and it runs again (stalled),
          // and the reconciler re-schedules from MongoDB whatever Redis lost.
          if (isInfrastructureFault(err) && token) {
            const retry = (job.attemptsStarted ?? 0) - job.attemptsMade;
            const delayMs = infrastructureRetryDelayMs(retry);
            opts.logger.warn(`infrastructure fault, retrying in ${delayMs} ms without counting an attempt: ${(err as Error).message}`);
            await job.moveToDelayed(Date.now() + delayMs, token);
            throw new DelayedError();
          }
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      }),
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 8,
      limiter: opts.limiter,
      // A worker killed mid-job (deploy, OOM killer) leaves the job stalled; it runs again rather
      // than failing after the first such kill (the steps after the inbox are idempotent).
      maxStalledCount: 5,
    },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    withLogContext({ jobId: `${queueName}/${job.id}` }, () => {
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      opts.logger.warn(`job failed (attempt ${job.attemptsMade}/${job.opts.attempts ?? 1}): ${err.message}`);
      if (final && task.onFailed) {
        task.onFailed(job.data as P, err).catch((e: Error) => opts.logger.error(`onFailed of ${task.name}: ${e.message}`));
      }
    });
  });
  worker.on('error', (err) => opts.logger.warn(`worker ${queueName}: ${err.message}`));
  return {
    name: queueName,
    // close() waits for running jobs to finish; the caller bounds the wait.
    close: () => worker.close(),
  };
}
