/**
 * Internal notes: POST /api/reports/:id/notes (any operator), and each operator's "for me" list of
 * notes that mention them: GET /api/notes/for-me, POST /api/notes/for-me/read.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuditLog, EventBus, NoteStore, ReportStore } from '../domain/ports';
import { addInternalNote, mentionCandidates, NOTE_MAX_LENGTH } from '../app/reports/add-internal-note';
import { currentOperator, langOf } from './auth.middleware';
import type { OperatorNames } from './operator-names';
import { panelMessage } from './panel-messages';
import { parseOr400 } from './validation';

export const noteSchema = z.strictObject({ text: z.string().trim().min(1, 'the note must not be empty').max(NOTE_MAX_LENGTH) });
const FOR_ME_LIMIT = 100;

type Deps = { reports: ReportStore; notes: NoteStore; audit: AuditLog; events: EventBus; names: OperatorNames };

export function reportNoteRoutes(deps: Deps): Router {
  const router = Router();
  router.post('/:id/notes', async (req, res) => {
    const body = parseOr400(noteSchema, req.body, res);
    if (!body) return;
    // Mentions are checked against the operators' list (refreshed when a name is unknown).
    await deps.names.prime(mentionCandidates(body.text));
    const op = currentOperator(res);
    const result = await addInternalNote(
      { ...deps, isOperator: (u) => deps.names.has(u) },
      { reportId: req.params.id, text: body.text, actor: { username: op.username, role: op.role }, requestId: res.locals.requestId },
    );
    if (!result.ok) return void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    res.status(201).json({ note: { ...result.note, authorName: deps.names.nameOf(result.note.author) } });
  });
  return router;
}

export function forMeRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/for-me', async (_req, res) => {
    const me = currentOperator(res);
    const notes = await deps.notes.listMentioning(me.username, FOR_ME_LIMIT);
    await deps.names.prime(notes.map((n) => n.author));
    const tickets = new Map<string, string>();
    for (const id of new Set(notes.map((n) => n.reportId))) tickets.set(id, (await deps.reports.get(id))?.ticketCode ?? '');
    res.json({
      notes: notes.map((n) => ({ ...n, authorName: deps.names.nameOf(n.author), ticketCode: tickets.get(n.reportId) })),
      unread: notes.filter((n) => n.unread).length,
    });
  });
  router.get('/for-me/count', async (_req, res) => {
    res.json({ unread: await deps.notes.unreadCount(currentOperator(res).username) });
  });
  router.post('/for-me/read', async (_req, res) => {
    await deps.notes.markRead(currentOperator(res).username);
    res.status(204).end();
  });
  return router;
}
