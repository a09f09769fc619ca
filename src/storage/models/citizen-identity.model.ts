import { Schema, type Connection } from 'mongoose';

/**
 * The identity store: the only place the platform identity (phone number, Telegram handle) lives,
 * keyed by the pseudonymous citizenRef every other collection uses.
 */
const citizenIdentitySchema = new Schema(
  {
    citizenRef: { type: String, required: true },
    channel: { type: String, required: true },
    chatId: { type: String, required: true },
    platformId: String,
    displayName: String,
    phone: String,
    username: String,
    /** false once the platform said the citizen blocked the bot. */
    reachable: { type: Boolean, default: true },
    lastInboundAt: Date,
  },
  { timestamps: true },
);
citizenIdentitySchema.index({ citizenRef: 1 }, { unique: true });

export const citizenIdentityModel = (conn: Connection) =>
  conn.model('CitizenIdentity', citizenIdentitySchema, 'citizen_identities');
