import { Schema, type Connection } from 'mongoose';

/** A citizen blocked by an agent (src/app/citizens/block-citizen.ts): one document per citizenRef. */
const citizenBlockSchema = new Schema(
  {
    citizenRef: { type: String, required: true },
    reason: { type: String, required: true },
    until: { type: Date, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    /** Messages received while blocked: counted, never stored. */
    blockedMessages: { type: Number, default: 0 },
    /** Set when the one notice of this block was sent. */
    noticeSentAt: Date,
  },
  { timestamps: true },
);
citizenBlockSchema.index({ citizenRef: 1 }, { unique: true });

export const citizenBlockModel = (conn: Connection) => conn.model('CitizenBlock', citizenBlockSchema, 'citizen_blocks');
