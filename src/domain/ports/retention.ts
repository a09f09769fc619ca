/**
 * Port of the retention job's storage work: purge or pseudonymise what is older than the policy
 * allows, and remember each run with its counts. Implemented by src/storage (retention.repository.ts).
 */
export type RetentionPolicy = {
  /** Inbox messages, bot replies and idle conversations. */
  messagesDays: number;
  /** The link between a closed report and the person (citizenRef, followers, confirmations). */
  identityLinkMonths: number;
  /** The audit log. */
  auditYears: number;
  /** Photos of closed reports (the report's, the citizen's additions, confirmations'). */
  photosMonths: number;
};

export type RetentionCounts = {
  messages: number;
  replies: number;
  conversations: number;
  reportsPseudonymised: number;
  auditEntries: number;
  /** Photo files deleted from reports closed long enough ago. */
  photos: number;
};

export interface RetentionStore {
  lastRunAt(): Promise<Date | null>;
  /** `pseudonym()` gives each report its own random pseudonym. */
  purge(cutoffs: { messages: Date; identityLink: Date; audit: Date }, pseudonym: () => string, now: Date): Promise<Omit<RetentionCounts, 'photos'>>;
  recordRun(at: Date, counts: RetentionCounts): Promise<void>;
  /** Voice notes kept (VOICE_NOTES_KEEP_AUDIO) by the inbox messages `purge` would delete now: their audio goes first. */
  voiceNoteRefs(before: Date): Promise<string[]>;
  /** Which of these voice notes an inbox message still refers to (the others are orphans: erased, or a crash). */
  voiceNotesInUse(refs: string[]): Promise<Set<string>>;
  /** Reports closed before `before` that still hold photos, with every photo they hold (a batch of at most `limit`). */
  closedWithPhotos(before: Date, limit: number): Promise<Array<{ id: string; refs: string[] }>>;
  /** Forgets a report's photos (after their files were deleted) and marks when. */
  clearPhotos(id: string, now: Date): Promise<void>;
}
