import { Schema, type Connection } from 'mongoose';

/**
 * The identity store: the only place the platform identity (phone number, Telegram handle) lives,
 * keyed by the pseudonymous citizenRef every other collection uses. Every personal field is
 * encrypted (AES-GCM, src/security/field-cipher.ts); `chatKey` is the chat's blind index.
 */
const citizenIdentitySchema = new Schema(
  {
    citizenRef: { type: String, required: true },
    channel: { type: String, required: true },
    chatId: { type: String, required: true },
    chatKey: { type: String, required: true },
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
citizenIdentitySchema.index({ channel: 1, chatKey: 1 });

export const citizenIdentityModel = (conn: Connection) => conn.model('CitizenIdentity', citizenIdentitySchema, 'citizen_identities');
