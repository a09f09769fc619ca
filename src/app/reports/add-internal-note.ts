/**
 * An agent's internal note on a report: for operators only (never sent to the citizen, never on a
 * public surface), audited, and delivered to the "for me" list of each operator it mentions with
 * @username. Only active operators' usernames count as mentions.
 */
import type { AuditLog, EventBus, NoteStore, ReportNote, ReportStore } from '../../domain/ports';

export const NOTE_MAX_LENGTH = 2000;
const MENTION = /(?:^|[^\w.@])@([a-z0-9][a-z0-9._-]{2,63})/gi;

export type AddNoteResult = { ok: true; note: ReportNote } | { ok: false; reason: 'report_not_found' };

/** The @usernames written in `text`, once each, in order (whether or not they are operators). */
export function mentionCandidates(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1].toLowerCase().replace(/[._-]+$/, '')))];
}

/** The @usernames in `text` that belong to an active operator, once each, in order. */
export function mentionsIn(text: string, isOperator: (username: string) => boolean): string[] {
  return mentionCandidates(text).filter(isOperator);
}

export async function addInternalNote(
  deps: {
    reports: Pick<ReportStore, 'get'>;
    notes: NoteStore;
    audit: AuditLog;
    events: EventBus;
    isOperator: (username: string) => boolean;
  },
  input: { reportId: string; text: string; actor: { username: string; role: string }; requestId?: string },
): Promise<AddNoteResult> {
  const report = await deps.reports.get(input.reportId);
  if (!report) return { ok: false, reason: 'report_not_found' };
  const mentions = mentionsIn(input.text, deps.isOperator);
  const note = await deps.notes.add({ reportId: report.id, author: input.actor.username, text: input.text, mentions });
  // The text stays in the notes; the audit says who wrote a note and whom it named.
  await deps.audit.record({
    actor: input.actor.username,
    actorRole: input.actor.role,
    action: 'note.add',
    reportId: report.id,
    details: { noteId: note.id, mentions },
    requestId: input.requestId,
  });
  await deps.events.publish({ type: 'note.added', reportId: report.id, mentions }).catch(() => undefined);
  return { ok: true, note };
}
