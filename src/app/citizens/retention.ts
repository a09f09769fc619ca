/**
 * The retention job: once a day, one process at a time across the deployment (a MongoDB lease),
 * purge messages, replies and idle conversations older than the policy, remove the link to the
 * person from reports closed long enough ago (a random pseudonym), drop old audit entries, and
 * record the counts. Photos are not purged yet (see the README's retention section).
 */
import type { AudioStore, LeaseStore, RetentionCounts, RetentionPolicy, RetentionStore } from '../../domain/ports';
import { newPseudonym } from './data-rights';

export const RETENTION_LEASE = 'retention';
const DAY_MS = 24 * 60 * 60_000;
/** Long enough for one pass; a process that dies mid-pass frees it for another. */
const LEASE_MS = 15 * 60_000;

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** One attempt: null when another process holds the lease or the last run is less than a day old. */
export async function runRetention(
  deps: {
    retention: RetentionStore;
    leases: LeaseStore;
    holder: string;
    /** Voice notes' store (SPEECH_TO_TEXT_URL): audio kept with VOICE_NOTES_KEEP_AUDIO goes with its message. */
    audio?: Pick<AudioStore, 'deleteAudio'>;
  },
  policy: RetentionPolicy,
  now: Date,
): Promise<(RetentionCounts & { voiceNotes?: number }) | null> {
  if (!(await deps.leases.acquire(RETENTION_LEASE, deps.holder, LEASE_MS, now))) return null;
  try {
    const last = await deps.retention.lastRunAt();
    if (last && now.getTime() - last.getTime() < DAY_MS) return null;
    const messagesCutoff = new Date(now.getTime() - policy.messagesDays * DAY_MS);
    // The audio first: a crash in between leaves a message without its audio, never audio without a message.
    const voiceRefs = deps.audio ? await deps.retention.voiceNoteRefs(messagesCutoff) : [];
    for (const ref of voiceRefs) await deps.audio!.deleteAudio(ref);
    const purged = await deps.retention.purge(
      {
        messages: messagesCutoff,
        identityLink: monthsBefore(now, policy.identityLinkMonths),
        audit: monthsBefore(now, policy.auditYears * 12),
      },
      newPseudonym,
      now,
    );
    const counts = deps.audio ? { ...purged, voiceNotes: voiceRefs.length } : purged;
    await deps.retention.recordRun(now, counts);
    return counts;
  } finally {
    await deps.leases.release(RETENTION_LEASE, deps.holder);
  }
}

/** Tries once an hour (the lease and the last run's date make it daily and single); close() stops it. */
export function startRetentionLoop(
  deps: Parameters<typeof runRetention>[0] & { logger: { info(m: string): void; warn(m: string): void } },
  policy: RetentionPolicy,
  intervalMs = 60 * 60_000,
) {
  const tick = () =>
    runRetention(deps, policy, new Date()).then(
      (counts) => counts && deps.logger.info(`retention: ${JSON.stringify(counts)}`),
      (err: Error) => deps.logger.warn(`retention pass failed: ${err.message}`),
    );
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    name: 'retention',
    async close() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
