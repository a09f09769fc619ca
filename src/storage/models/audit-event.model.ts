import { Schema, type Connection } from 'mongoose';

/** Who did what, when: every panel action, identity reveal and photo view. Append-only. */
const auditEventSchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date() },
    actor: { type: String, required: true },
    actorRole: String,
    action: { type: String, required: true },
    /** Why, in the actor's words (status moves). */
    reason: String,
    reportId: String,
    details: { type: Schema.Types.Mixed },
    requestId: String,
  },
  { minimize: false },
);
auditEventSchema.index({ reportId: 1, at: 1 });
auditEventSchema.index({ actor: 1, at: -1 });
auditEventSchema.index({ action: 1, at: -1 });

export const auditEventModel = (conn: Connection) => conn.model('AuditEvent', auditEventSchema, 'audit_events');
