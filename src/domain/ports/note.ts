/**
 * Port of agents' internal notes on a report: never shown to citizens, may mention operators, who
 * find them in their "for me" list until they read it. Implemented by src/storage.
 */
export type ReportNote = {
  id: string;
  reportId: string;
  /** Username of the author. */
  author: string;
  text: string;
  /** Usernames mentioned with @. */
  mentions: string[];
  at: Date;
};

export type MentionNote = ReportNote & { ticketCode: string; unread: boolean };

export interface NoteStore {
  add(note: Omit<ReportNote, 'id' | 'at'>): Promise<ReportNote>;
  listForReport(reportId: string): Promise<ReportNote[]>;
  /** Notes that mention `username`, newest first. */
  listMentioning(username: string, limit: number): Promise<Array<ReportNote & { unread: boolean }>>;
  unreadCount(username: string): Promise<number>;
  markRead(username: string): Promise<void>;
}
