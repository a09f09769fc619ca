import { Schema, type Connection } from 'mongoose';

/** Agents' internal notes on reports (never shown to citizens), with the operators they mention. */
const reportNoteSchema = new Schema(
  {
    reportId: { type: String, required: true },
    author: { type: String, required: true },
    text: { type: String, required: true },
    mentions: { type: [String], default: [] },
    /** Mentioned operators who have not opened their "for me" list since. */
    unreadBy: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
reportNoteSchema.index({ reportId: 1, at: 1 });
reportNoteSchema.index({ mentions: 1, at: -1 });
reportNoteSchema.index({ unreadBy: 1 });

export const reportNoteModel = (conn: Connection) => conn.model('ReportNote', reportNoteSchema, 'report_notes');
