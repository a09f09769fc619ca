import { Schema, type Connection } from 'mongoose';

/**
 * The staff bot's outbox (src/domain/ports/staff.ts): what it must send to operators, kept until
 * sent so that a restart or a Telegram outage loses nothing. No citizen's personal data is written
 * here (dispatches carry the report's category, place and description, as the panel shows them).
 */
const staffMessageSchema = new Schema(
  {
    key: { type: String, required: true },
    operator: { type: String, required: true },
    text: { type: String, required: true },
    buttons: [[{ _id: false, text: String, data: String }]],
    photos: { reportId: String, mediaRefs: [String] },
    reportId: String,
    place: { lat: Number, lng: Number, title: String, address: String },
    /** queued -> sending (claimed) -> sent | failed. */
    status: { type: String, enum: ['queued', 'sending', 'sent', 'failed'], default: 'queued' },
    attempts: { type: Number, default: 0 },
    dueAt: { type: Date, default: () => new Date() },
    claimedAt: Date,
    sentAt: Date,
    telegramMessageIds: [Number],
    error: String,
  },
  { timestamps: true },
);
staffMessageSchema.index({ key: 1 }, { unique: true });
staffMessageSchema.index({ status: 1, dueAt: 1 });
staffMessageSchema.index({ operator: 1, telegramMessageIds: 1 });

export const staffMessageModel = (conn: Connection) => conn.model('StaffMessage', staffMessageSchema, 'staff_messages');
