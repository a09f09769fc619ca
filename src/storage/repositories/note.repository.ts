import type { Connection } from 'mongoose';
import type { NoteStore, ReportNote } from '../../domain/ports';
import { reportNoteModel } from '../models/report-note.model';

type NoteDoc = Omit<ReportNote, 'id'> & { _id: unknown; unreadBy?: string[] };
const toNote = (d: NoteDoc): ReportNote => ({
  id: String(d._id),
  reportId: d.reportId,
  author: d.author,
  text: d.text,
  mentions: d.mentions ?? [],
  at: d.at,
});

export function createNoteRepository(conn: Connection): NoteStore {
  const Note = reportNoteModel(conn);
  return {
    async add(note) {
      const d = await Note.create({ ...note, unreadBy: note.mentions.filter((m) => m !== note.author), at: new Date() });
      return toNote(d.toObject() as NoteDoc);
    },
    async listForReport(reportId) {
      const docs = await Note.find({ reportId: String(reportId) })
        .sort({ at: 1 })
        .lean<NoteDoc[]>();
      return docs.map(toNote);
    },
    async listMentioning(username, limit) {
      const docs = await Note.find({ mentions: String(username) })
        .sort({ at: -1 })
        .limit(limit)
        .lean<NoteDoc[]>();
      return docs.map((d) => ({ ...toNote(d), unread: (d.unreadBy ?? []).includes(username) }));
    },
    unreadCount(username) {
      return Note.countDocuments({ unreadBy: String(username) });
    },
    async markRead(username) {
      await Note.updateMany({ unreadBy: String(username) }, { $pull: { unreadBy: String(username) } });
    },
  };
}
