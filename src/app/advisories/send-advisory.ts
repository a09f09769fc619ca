/**
 * A supervisor sends an advisory to the area-alert subscribers of some zones: it is recorded
 * (once per idempotency key), audited, and its fan-out scheduled as one background job
 * (./fan-out-task.ts). A retried send of an advisory whose fan-out gave up starts it again; one
 * already sent is not scheduled again.
 */
import type { Advisory, AdvisoryStore, AuditLog, JobScheduler } from '../../domain/ports';
import type { Logger } from '../../log/logger';

export type SendAdvisoryDeps = {
  advisories: AdvisoryStore;
  scheduler: Pick<JobScheduler, 'enqueueAdvisoryFanOut'>;
  audit: AuditLog;
  logger: Logger;
};

export type SendAdvisoryResult =
  /** Recorded and its fan-out scheduled (state 'sending'). */
  | { kind: 'scheduled'; advisory: Advisory }
  /** A late retry of an advisory already sent: nothing scheduled again. */
  | { kind: 'already_sent'; advisory: Advisory }
  /** Recorded, but the job could not be scheduled: marked failed, a retry with the same key schedules it. */
  | { kind: 'not_scheduled'; advisory: Advisory };

export async function sendAdvisory(
  deps: SendAdvisoryDeps,
  input: { zones: string[]; text: string; requestKey?: string; actor: { username: string; role: string }; requestId?: string },
): Promise<SendAdvisoryResult> {
  const { actor } = input;
  const { advisory: found, created } = await deps.advisories.create({
    zones: input.zones,
    text: input.text,
    author: actor.username,
    ...(input.requestKey ? { requestKey: input.requestKey } : {}),
  });
  let advisory = found;
  // The same send again after its fan-out gave up: it starts again (messages already queued are not repeated).
  if (!created && advisory.state === 'failed') {
    await deps.advisories.markSending(advisory.id);
    advisory = { ...advisory, state: 'sending', finishedAt: undefined };
  }
  await deps.audit.record({
    actor: actor.username,
    actorRole: actor.role,
    action: 'advisory.send',
    details: { advisoryId: advisory.id, zones: advisory.zones, ...(created ? {} : { retry: true }) },
    requestId: input.requestId,
  });
  if (advisory.state === 'sent') return { kind: 'already_sent', advisory };
  try {
    await deps.scheduler.enqueueAdvisoryFanOut(advisory.id);
  } catch (err) {
    // Not scheduled: shown as failed rather than 'sending' for ever.
    deps.logger.error(`advisory ${advisory.id} could not be scheduled: ${(err as Error).message}`);
    await deps.advisories.markFailed(advisory.id).catch(() => undefined);
    return { kind: 'not_scheduled', advisory: { ...advisory, state: 'failed' } };
  }
  return { kind: 'scheduled', advisory };
}
