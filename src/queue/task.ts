/**
 * A typed background task (outline's BaseTask idea): the payload type, how it runs, what happens
 * when it finally fails. Queues and workers are built from tasks, so a job's shape lives in one place.
 */
import type { JobsOptions } from 'bullmq';

export type TaskContext = { jobId: string; attempt: number; maxAttempts: number };

export type Task<P> = {
  /** BullMQ job name. */
  name: string;
  /** Default options of every job of this task (attempts, backoff...). */
  jobOptions: JobsOptions;
  perform(payload: P, ctx: TaskContext): Promise<void>;
  /** Called once, after the last attempt failed. */
  onFailed?(payload: P, error: Error): Promise<void>;
};

/** Throw to stop retrying a job at once (e.g. the citizen blocked the bot). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Throw to retry after a given delay instead of the task's backoff (e.g. 429 retry_after). */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
