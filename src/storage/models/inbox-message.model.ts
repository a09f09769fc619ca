import { Schema, type Connection } from 'mongoose';

/** Every inbound message of every channel, stored before the platform gets its acknowledgement. */
const inboxMessageSchema = new Schema(
  {
    channel: { type: String, required: true },
    messageId: { type: String, required: true },
    /** Encrypted (src/security/field-cipher.ts); `chatKey` is its blind index for lookups. */
    chatId: { type: String, required: true },
    chatKey: { type: String, required: true },
    citizenRef: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    languageCode: String,
    /** received -> processed (or failed after the last retry). */
    state: { type: String, enum: ['received', 'processed', 'failed'], default: 'received' },
    processedAt: Date,
    error: String,
    reportId: String,
  },
  { timestamps: true, minimize: false },
);
// The redelivery guard: the same platform message is stored once.
inboxMessageSchema.index({ channel: 1, messageId: 1 }, { unique: true });
inboxMessageSchema.index({ channel: 1, chatKey: 1, receivedAt: 1 });
// A citizen's messages as a whole: «i miei dati» counts them, an erasure deletes them.
inboxMessageSchema.index({ citizenRef: 1 });
inboxMessageSchema.index({ reportId: 1 }, { sparse: true });
// The reconciler's scan: what is still unprocessed, oldest first.
inboxMessageSchema.index({ state: 1, receivedAt: 1 });

export const inboxMessageModel = (conn: Connection) => conn.model('InboxMessage', inboxMessageSchema, 'inbox_messages');
