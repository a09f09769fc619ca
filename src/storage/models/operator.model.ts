import { Schema, type Connection } from 'mongoose';

export const OPERATOR_ROLES = ['agent', 'supervisor', 'admin'] as const;

/** Panel accounts: municipal police agents, supervisors and admins. */
const operatorSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: OPERATOR_ROLES, required: true },
    disabled: { type: Boolean, default: false },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
    /** The team (config/municipalities/<id>/profile.json `teams`) the operator works in. */
    team: String,
    /**
     * Raised by a password change, a disable, a role change, an MFA reset and "log out everywhere":
     * a session made under an older epoch ends at its next request (see requireOperator).
     */
    sessionEpoch: { type: Number, default: 0 },
    /** TOTP (RFC 6238): the secret is encrypted (see src/security/field-cipher.ts); recovery codes are SHA-256 hashes. */
    mfa: {
      secret: String,
      pendingSecret: String,
      enabledAt: Date,
      /** The last accepted time step: a code is never accepted twice. */
      lastStep: Number,
      recoveryHashes: [String],
    },
    passwordChangedAt: Date,
    /**
     * The operator's Telegram chat on the staff bot (src/app/staff): `chatKey` is the blind index the
     * bot looks the chat up by, `chatId` the encrypted chat id it sends to. Unset: not linked.
     */
    staffTelegram: { chatKey: String, chatId: String, linkedAt: Date },
    /** A pending one-time code to link Telegram: its SHA-256 hash and expiry. */
    staffLinkCode: { hash: String, expiresAt: Date },
    /** On call outside service hours: paged by the staff bot for urgent reports and emergency-like messages. */
    onCall: { type: Boolean, default: false },
  },
  { timestamps: true },
);
operatorSchema.index({ username: 1 }, { unique: true });
operatorSchema.index({ 'staffTelegram.chatKey': 1 }, { sparse: true });
operatorSchema.index({ 'staffLinkCode.hash': 1 }, { sparse: true });

export const operatorModel = (conn: Connection) => conn.model('Operator', operatorSchema, 'operators');
