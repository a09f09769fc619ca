import { Schema, type Connection } from 'mongoose';

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
    /** Messages sent: one per subscribed chat (channel + chatId). */
    recipients: { type: Number, default: 0 },
    /**
     * "<author>:<the sender's Idempotency-Key>": a retried POST finds this advisory instead of
     * sending a second one. Absent when the sender gave no key.
     */
    requestKey: String,
  },
  { timestamps: true },
);
advisorySchema.index({ createdAt: -1 });
advisorySchema.index({ requestKey: 1 }, { unique: true, sparse: true });

export const advisoryModel = (conn: Connection) => conn.model('Advisory', advisorySchema, 'advisories');
