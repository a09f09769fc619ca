import { Schema, type Connection, type Types } from 'mongoose';
import type { Channel, OutboundMessage } from '../../domain/message';
import type { OutboundState } from '../../domain/ports';

/**
 * One document of `outbound_messages`, as read back (lean): chatId encrypted, chatKey its blind
 * index, inReplyTo and platformMessageId keyed references (see outbound.repository.ts).
 */
export interface OutboundMessageDocument {
  _id: Types.ObjectId | string;
  outboundId: string;
  channel: Channel;
  chatId: string;
  chatKey: string;
  text: string;
  choices?: string[];
  requestLocation?: boolean;
  language?: OutboundMessage['language'];
  purpose?: OutboundMessage['purpose'];
  reportId?: string;
  advisoryId?: string;
  inReplyTo?: string;
  state: OutboundState;
  claimedAt?: Date;
  platformMessageId?: string;
  error?: string;
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Every message the bot sends, with its delivery state: the chat history and the delivery ledger. */
const outboundMessageSchema = new Schema(
  {
    outboundId: { type: String, required: true },
    channel: { type: String, required: true },
    /** Encrypted (src/security/field-cipher.ts); `chatKey` is its blind index for lookups. */
    chatId: { type: String, required: true },
    chatKey: { type: String, required: true },
    text: { type: String, required: true },
    choices: [String],
    requestLocation: Boolean,
    /** The language of the text ('it' | 'en'): adapters label their own words in it. */
    language: String,
    purpose: String,
    reportId: String,
    /** The advisory this message carries (purpose 'advisory'): its delivery counts group by it. */
    advisoryId: String,
    inReplyTo: String,
    /** queued -> sent -> delivered -> read, or failed / undeliverable. */
    state: { type: String, default: 'queued' },
    /** Set just before the platform call (claim before send); see OutboundLog.claim. */
    claimedAt: Date,
    platformMessageId: String,
    error: String,
    /** Sequence inside a chat, so the history reads in order even when sends overlap. */
    seq: { type: Number, required: true },
  },
  { timestamps: true },
);
outboundMessageSchema.index({ outboundId: 1 }, { unique: true });
outboundMessageSchema.index({ channel: 1, chatKey: 1, seq: 1 });
outboundMessageSchema.index({ platformMessageId: 1 }, { sparse: true });
// The reconciler's scan: what is still queued, oldest first.
outboundMessageSchema.index({ state: 1, createdAt: 1 });
outboundMessageSchema.index({ channel: 1, inReplyTo: 1 }, { sparse: true });
outboundMessageSchema.index({ reportId: 1, createdAt: 1 }, { sparse: true });
outboundMessageSchema.index({ advisoryId: 1, state: 1 }, { sparse: true });

export const outboundMessageModel = (conn: Connection) => conn.model<OutboundMessageDocument>('OutboundMessage', outboundMessageSchema, 'outbound_messages');
