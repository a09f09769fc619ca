/**
 * The retention job: once a day, one process at a time across the deployment (a MongoDB lease),
 * purge messages, replies and idle conversations older than the policy, remove the link to the
 * person from reports closed long enough ago (a random pseudonym), drop old audit entries, and
 * delete the photos of reports closed long enough ago (files first, then the references, so a crash
 * in between leaves nothing undeletable), and record the counts. Voice notes kept
 * (VOICE_NOTES_KEEP_AUDIO) go with their messages, and audio no message refers to any more (an
 * erasure, a crash) is swept.
 */
import type { AudioStore, LeaseStore, MediaStore, RetentionCounts, RetentionPolicy, RetentionStore } from '../../domain/ports';
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

/** Saved a while ago and referred to by no inbox message: the citizen's data was erased, or a crash came between. */
const ORPHAN_AGE_MS = 60 * 60_000;
async function orphanVoiceNotes(deps: { retention: RetentionStore; audio?: Pick<AudioStore, 'listAudio'> }, now: Date) {
  const old = (await deps.audio!.listAudio()).filter((a) => now.getTime() - a.savedAt.getTime() > ORPHAN_AGE_MS).map((a) => a.ref);
  const inUse = await deps.retention.voiceNotesInUse(old);
  return old.filter((ref) => !inUse.has(ref));
}

/** Reports read per batch when deleting photos. */
const PHOTO_BATCH = 200;

/** One attempt: null when another process holds the lease or the last run is less than a day old. */
export async function runRetention(
  deps: {
    retention: RetentionStore;
    leases: LeaseStore;
    holder: string;
    media: Pick<MediaStore, 'remove'>;
    /** Voice notes' store (SPEECH_TO_TEXT_URL): audio kept with VOICE_NOTES_KEEP_AUDIO goes with its message. */
    audio?: Pick<AudioStore, 'deleteAudio' | 'listAudio'>;
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
    const voiceRefs = deps.audio ? [...(await deps.retention.voiceNoteRefs(messagesCutoff)), ...(await orphanVoiceNotes(deps, now))] : [];
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
    const withPhotos: RetentionCounts = { ...purged, photos: await purgePhotos(deps, monthsBefore(now, policy.photosMonths), now) };
    const counts = deps.audio ? { ...withPhotos, voiceNotes: voiceRefs.length } : withPhotos;
    await deps.retention.recordRun(now, counts);
    return counts;
  } finally {
    await deps.leases.release(RETENTION_LEASE, deps.holder);
  }
}

async function purgePhotos(deps: { retention: RetentionStore; media: Pick<MediaStore, 'remove'> }, before: Date, now: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await deps.retention.closedWithPhotos(before, PHOTO_BATCH);
    for (const report of batch) {
      for (const ref of report.refs) await deps.media.remove(ref);
      await deps.retention.clearPhotos(report.id, now);
      deleted += report.refs.length;
    }
    if (batch.length < PHOTO_BATCH) return deleted;
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
