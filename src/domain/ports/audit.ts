/** Port of the audit log: who did what, when. Append-only. Implemented by src/storage. */

export type AuditEntry = {
  actor: string;
  actorRole?: string;
  action: string;
  /** Why, in the actor's words (a status move's reason or note). */
  reason?: string;
  reportId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
};

/** Filters of the supervisors' view of accesses to personal data (identity reveals, photo views). */
export type AuditQuery = {
  actions: readonly string[];
  actor?: string;
  reportId?: string;
  from?: Date;
  to?: Date;
  limit: number;
};

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  listForReport(reportId: string): Promise<Array<AuditEntry & { at: Date }>>;
  /** Newest first. */
  search(query: AuditQuery): Promise<Array<AuditEntry & { at: Date }>>;
}
