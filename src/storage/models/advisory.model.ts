import { Schema, type Connection, type Types } from 'mongoose';
import type { AdvisoryState } from '../../domain/ports';

/** One document of `advisories`, as read back (lean); older ones may lack the fan-out fields. */
export interface AdvisoryDocument {
  _id: Types.ObjectId | string;
  zones: string[];
  text: string;
  author: string;
  recipients?: number;
  failedRecipients?: number;
  state?: AdvisoryState;
  finishedAt?: Date;
  requestKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A supervisor's advisory to the area-alert subscribers of some zones. The messages themselves are
 * in the outbound log (purpose 'advisory', advisoryId), where their delivery states are counted.
 */
const advisorySchema = new Schema(
  {
    zones: { type: [String], required: true },
    text: { type: String, required: true },
    /** Username of the supervisor or admin who sent it. */
    author: { type: String, required: true },
    /** Messages sent: one per subscribed chat (channel + chatId). Set when the fan-out finishes. */
    recipients: { type: Number, default: 0 },
    /** Recipients whose message could not be queued (no chat known for them). */
    failedRecipients: { type: Number, default: 0 },
    /**
     * The background fan-out: 'sending' -> 'sent', or 'failed' when its job gave up. Advisories
     * stored before the fan-out moved to a job have no state: they were sent in the request.
     */
    state: { type: String, enum: ['sending', 'sent', 'failed'], default: 'sending' },
    /** When the fan-out finished or gave up. */
    finishedAt: Date,
    /**
     * "<author>:<the sender's Idempotency-Key>": a retried POST finds this advisory instead of
     * sending a second one. Absent when the sender gave no key.
     */
    requestKey: String,
  },
  { timestamps: true },
);
advisorySchema.index({ createdAt: -1 });
advisorySchema.index({ state: 1, createdAt: 1 });
advisorySchema.index({ requestKey: 1 }, { unique: true, sparse: true });

export const advisoryModel = (conn: Connection) => conn.model<AdvisoryDocument>('Advisory', advisorySchema, 'advisories');
