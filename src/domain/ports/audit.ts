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

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  listForReport(reportId: string): Promise<Array<AuditEntry & { at: Date }>>;
}
