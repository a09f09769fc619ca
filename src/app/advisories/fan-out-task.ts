/**
 * The background task of an advisory: its fan-out to the subscribers, then the counts on the
 * advisory. After its last attempt the advisory is marked failed, so the panel never shows it
 * "sending" for ever. Log lines carry counts only: no chat ids, no phone numbers.
 */
import type { AdvisoryStore } from '../../domain/ports';
import type { Logger } from '../../log/logger';
import type { AdvisoryJob } from '../../queue/queues';
import type { Task } from '../../queue/task';
import type { FanOutResult } from './fan-out-advisory';

export function advisoryFanOutTask(deps: {
  advisories: Pick<AdvisoryStore, 'get' | 'markSent' | 'markFailed'>;
  fanOut: (advisory: { id: string; zones: string[]; text: string }) => Promise<FanOutResult>;
  logger: Logger;
}): Task<AdvisoryJob> {
  return {
    name: 'fan-out-advisory',
    jobOptions: {},
    async perform(job, ctx) {
      const advisory = await deps.advisories.get(job.advisoryId);
      if (!advisory) return void deps.logger.warn(`advisory ${job.advisoryId} not found: nothing to send`);
      if (advisory.state === 'sent') return;
      const started = Date.now();
      const { recipients, queued, failed } = await deps.fanOut(advisory);
      await deps.advisories.markSent(advisory.id, { recipients, failedRecipients: failed });
      deps.logger.info(
        `advisory ${advisory.id} sent: ${recipients} recipients, ${queued} queued, ${failed} failed (no chat known), attempt ${ctx.attempt}, ${Date.now() - started} ms`,
      );
    },
    async onFailed(job, error) {
      await deps.advisories.markFailed(job.advisoryId);
      deps.logger.error(`advisory ${job.advisoryId} could not be sent, marked failed: ${error.message}`);
    },
  };
}
