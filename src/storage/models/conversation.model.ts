import { Schema, type Connection } from 'mongoose';

/** The saved dialog state of one chat. `version` guards against concurrent writers. */
const conversationSchema = new Schema(
  {
    channel: { type: String, required: true },
    /** Blind index of channel + chat id (src/security/field-cipher.ts): the chat id is not stored. */
    chatKey: { type: String, required: true },
    citizenRef: { type: String, required: true },
    state: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true, default: 0 },
    /** Last inbound message processed: a retried job does not apply the same message twice. */
    lastMessageId: String,
  },
  { timestamps: true, minimize: false },
);
conversationSchema.index({ channel: 1, chatKey: 1 }, { unique: true });

export const conversationModel = (conn: Connection) => conn.model('Conversation', conversationSchema, 'conversations');
