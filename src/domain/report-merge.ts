/**
 * What merging a duplicate report into the original adds to the original (pure: the storage writes
 * it in one guarded update). The duplicate counts as a confirmation by its citizen, so the police
 * keep its reliability, description and photos on the original; its own confirmations follow it.
 * A citizen is counted once per report, as when confirming: the original's citizen and anyone who
 * already confirmed it are not counted again (their entries are kept, uncounted).
 */
import type { CitizenInfo, Confirmation, ConfirmedReportView, ReportFollower } from './ports';

/** The idempotency key of the duplicate's own entry among the original's confirmations. */
export const mergedMessageId = (duplicateTicket: string) => `merged:${duplicateTicket}`;

export type MergePlan = {
  confirmations: Confirmation[];
  followers: ReportFollower[];
  photoRefs: string[];
  citizenInfo: CitizenInfo[];
  /** Citizens new to the original: how much its `confirmations` grows. */
  counted: number;
};

const keyOf = (c: { channel: string; messageId: string }) => `${c.channel}\n${c.messageId}`;

/** True when `duplicate` was merged into `original` before. */
export function alreadyMerged(original: ConfirmedReportView, duplicate: Pick<ConfirmedReportView, 'channel' | 'ticketCode'>): boolean {
  const key = keyOf({ channel: duplicate.channel, messageId: mergedMessageId(duplicate.ticketCode) });
  return original.confirmationsList.some((c) => keyOf(c) === key);
}

export function planMerge(original: ConfirmedReportView, duplicate: ConfirmedReportView, now: Date): MergePlan {
  const knownCitizens = new Set([original.citizenRef, ...original.confirmationsList.map((c) => c.citizenRef)]);
  const knownMessages = new Set(original.confirmationsList.map(keyOf));

  // The duplicate's own photos: its confirmers' photos and the details' photos travel with their entries.
  const elsewhere = new Set([
    ...duplicate.confirmationsList.flatMap((c) => c.photoRefs),
    ...duplicate.citizenInfo.flatMap((i) => (i.mediaRef ? [i.mediaRef] : [])),
  ]);
  const itself: Confirmation = {
    channel: duplicate.channel,
    messageId: mergedMessageId(duplicate.ticketCode),
    at: duplicate.createdAt,
    citizenRef: duplicate.citizenRef,
    language: duplicate.language,
    reliability: duplicate.reliability,
    description: duplicate.description,
    photoRefs: duplicate.photoRefs.filter((ref) => !elsewhere.has(ref)),
    point: duplicate.location.point,
    counted: true,
  };

  const confirmations: Confirmation[] = [];
  let counted = 0;
  for (const entry of [itself, ...duplicate.confirmationsList]) {
    if (knownMessages.has(keyOf(entry))) continue;
    knownMessages.add(keyOf(entry));
    const isNew = !knownCitizens.has(entry.citizenRef);
    knownCitizens.add(entry.citizenRef);
    if (isNew) counted++;
    confirmations.push({ ...entry, counted: isNew });
  }

  const following = new Set([original.citizenRef, ...original.followers.map((f) => f.citizenRef)]);
  const followers: ReportFollower[] = [];
  const candidates: ReportFollower[] = [
    { citizenRef: duplicate.citizenRef, channel: duplicate.channel, language: duplicate.language, since: now },
    ...duplicate.followers.map((f) => ({ ...f, since: now })),
  ];
  for (const f of candidates) {
    if (following.has(f.citizenRef)) continue;
    following.add(f.citizenRef);
    followers.push(f);
  }

  const photos = new Set(original.photoRefs);
  const infoIds = new Set(original.citizenInfo.map((i) => i.messageId));
  return {
    confirmations,
    followers,
    photoRefs: [...new Set(duplicate.photoRefs)].filter((ref) => !photos.has(ref)),
    citizenInfo: duplicate.citizenInfo.filter((i) => !infoIds.has(i.messageId)),
    counted,
  };
}

export type UnmergePlan = {
  /** channel + "\n" + messageId of the original's entries that came from the duplicate. */
  entryKeys: Set<string>;
  /** Followers (citizenRef) who followed only through the duplicate. */
  followers: Set<string>;
  photoRefs: Set<string>;
  citizenInfoIds: Set<string>;
};

export const confirmationKey = keyOf;

/**
 * Undoing a merge when the duplicate is reopened ("it was not the same place"): what came from the
 * duplicate leaves the original, and the duplicate's citizens stop following it unless they
 * confirmed the original themselves. Undefined when the duplicate is not merged into it.
 */
export function planUnmerge(original: ConfirmedReportView, duplicate: ConfirmedReportView): UnmergePlan | undefined {
  if (!alreadyMerged(original, duplicate)) return undefined;
  const entryKeys = new Set([
    keyOf({ channel: duplicate.channel, messageId: mergedMessageId(duplicate.ticketCode) }),
    ...duplicate.confirmationsList.map(keyOf),
  ]);
  const stillConfirming = new Set(original.confirmationsList.filter((c) => !entryKeys.has(keyOf(c))).map((c) => c.citizenRef));
  const followers = new Set(
    [duplicate.citizenRef, ...duplicate.followers.map((f) => f.citizenRef)].filter(
      (ref) => !stillConfirming.has(ref) && ref !== original.citizenRef,
    ),
  );
  return {
    entryKeys,
    followers,
    photoRefs: new Set(duplicate.photoRefs),
    citizenInfoIds: new Set(duplicate.citizenInfo.map((i) => i.messageId)),
  };
}

/** Counts each citizen once, in order, the report's own citizen never (as ConfirmationStore does). */
export function recount<T extends { citizenRef: string; counted?: boolean }>(entries: readonly T[], reporter: string): T[] {
  const seen = new Set([reporter]);
  return entries.map((e) => {
    const counted = !seen.has(e.citizenRef);
    seen.add(e.citizenRef);
    return { ...e, counted };
  });
}
