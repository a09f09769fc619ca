/**
 * The queue and the report: list with filters and counts, detail with timeline, the photos
 * (operators only, audited), the audited identity reveal, and the actions.
 * Each route: session (checked upstream) -> schema -> use case (src/app/reports) -> presenter.
 */
import { Router, type Response } from 'express';
import { PRIORITY_WEIGHTS } from '../../config/priority';
import type {
  AudioStore,
  AuditLog,
  IdentityStore,
  InboxStore,
  MediaStore,
  NoteStore,
  OutboundLog,
  ReportStore,
  ReportView,
  TemplateStore,
} from '../domain/ports';
import { resolveCommand } from '../app/reports/resolve-command';
import { slaTargetMinutes, type SlaRule } from '../domain/sla';
import { categoryById } from '../../config/categories';
import { currentOperator, langOf } from './auth.middleware';
import { presentConfirmations } from './confirmations.presenter';
import { explainPriority } from './priority-explanation';
import type { OperatorNames } from './operator-names';
import { performAgentAction, type AgentActionDeps } from '../app/reports/perform-agent-action';
import type { AgentActionResult } from '../app/reports/agent-action.types';
import { panelMessage, type PanelLang } from './panel-messages';
import { STATUS_LABELS, labelOf } from './panel-labels';
import { reportActionSchema } from './report-action.schema';
import { assignmentFilter, reportListQuerySchema } from './report-query.schema';
import type { QueueCounts } from './queue-counts';
import { presentDetail, presentSummary, type PresentContext } from './report.presenter';
import { buildTimeline } from './report-timeline';
import type { ServiceClock } from './service-clock';
import { parseOr400 } from './validation';
import { z } from 'zod';
import { BULK_MAX_REPORTS, bulkTriage } from '../app/reports/bulk-triage';
import { OUTCOMES } from '../domain/report';
import { TICKET_CODE_PATTERN } from '../domain/ticket-code';
import { ACTION_TEXT_LIMITS } from './report-action.limits';
import { REVEAL_REASON_MAX, REVEAL_REASON_MIN, revealIdentity, type RevealPolicy } from '../app/reports/reveal-identity';

const reportIds = z
  .array(z.string().regex(/^[a-f0-9]{24}$/i, 'reportIds must be report ids'))
  .min(1)
  .max(BULK_MAX_REPORTS);
const bulkReason = z.string().trim().min(3, 'reason must be at least 3 characters').max(ACTION_TEXT_LIMITS.reason);
export const bulkSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('close'), reportIds, outcome: z.enum(OUTCOMES), reason: bulkReason }),
  z.strictObject({ action: z.literal('reject'), reportIds, reason: bulkReason }),
  z.strictObject({
    action: z.literal('mark_duplicate'),
    reportIds,
    duplicateOf: z.string().trim().toUpperCase().regex(TICKET_CODE_PATTERN, 'duplicateOf must be a ticket code like VIC-2026-000123'),
    reason: bulkReason,
  }),
]);

export const revealSchema = z.strictObject({ reason: z.string().trim().min(REVEAL_REASON_MIN).max(REVEAL_REASON_MAX) });

export type ReportRoutesDeps = AgentActionDeps & {
  notes: NoteStore;
  templates: TemplateStore;
  /** For assignments: the operator named, and the municipality's teams. */
  operatorByName(username: string): Promise<{ disabled: boolean; team?: string } | null>;
  teams: ReadonlyArray<{ id: string; name: { it: string; en: string } }>;
  /** First-action targets (the municipality profile's `sla`). */
  slaRules: readonly SlaRule[];
  /** Who may reveal a citizen's identity (IDENTITY_REVEAL_POLICY). */
  revealPolicy: RevealPolicy;
  inbox: InboxStore;
  outbound: OutboundLog;
  identities: IdentityStore;
  media: MediaStore;
  /** Voice notes' store (SPEECH_TO_TEXT_URL); served only when they are kept (VOICE_NOTES_KEEP_AUDIO). */
  audio?: AudioStore;
  voiceNotesKept?: boolean;
  audit: AuditLog;
  reports: ReportStore;
  names: OperatorNames;
  clock: ServiceClock;
  counts: QueueCounts;
  categoryIds: readonly string[];
  zoneNames: ReadonlyMap<string, string>;
  timeZone: string;
};

export function reportRoutes(deps: ReportRoutesDeps): Router {
  const router = Router();
  const listQuery = reportListQuerySchema({ categoryIds: deps.categoryIds, zoneIds: [...deps.zoneNames.keys()], timeZone: deps.timeZone });
  const context = (res: Response): PresentContext => ({
    lang: langOf(res),
    now: new Date(),
    clock: deps.clock,
    zoneNames: deps.zoneNames,
    names: deps.names,
    teamName: (id) => deps.teams.find((t) => t.id === id)?.name[langOf(res)],
    slaTarget: (r) => slaTargetMinutes(deps.slaRules, r),
  });
  const loadReport = async (id: string, res: Response): Promise<ReportView | undefined> => {
    const report = await deps.reports.get(id);
    if (!report) res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    return report ?? undefined;
  };
  const audit = (res: Response, action: string, reportId: string, details?: Record<string, unknown>) => {
    const op = currentOperator(res);
    return deps.audit.record({ actor: op.username, actorRole: op.role, action, reportId, details, requestId: res.locals.requestId });
  };

  router.get('/', async (req, res) => {
    const q = parseOr400(listQuery, req.query, res);
    if (!q) return;
    const filter = { ...q.filter, ...assignmentFilter(q.assigned, currentOperator(res)) };
    const [items, counts] = await Promise.all([deps.counts.list(filter, q.page), deps.counts.count(filter)]);
    await deps.names.prime(items.map((r) => r.assignee));
    const ctx = context(res);
    res.json({
      items: items.map((r) => presentSummary(r, ctx)),
      // Same criteria as the counts: the total is their sum over the requested statuses.
      total: q.filter.status.reduce((sum, s) => sum + counts[s], 0),
      counts,
    });
  });

  router.get('/:id', async (req, res) => {
    // One wave of reads: the report with its confirmations (one read of the report) and, by its id,
    // the timeline's sources, all at once instead of the report first and the rest after it.
    const id = req.params.id;
    const [confirmed, inbound, outbound, events, notes] = await Promise.all([
      deps.confirmations.get(id),
      deps.inbox.listForReport(id),
      deps.outbound.listForReport(id),
      deps.audit.listForReport(id),
      deps.notes.listForReport(id),
    ]);
    if (!confirmed) return void res.status(404).json({ error: panelMessage('reportNotFound', langOf(res)) });
    // The report alone: its followers and confirmations carry citizens' references (see presentConfirmations).
    const { confirmationsList, followers: _followers, lastConfirmedAt: _last, ...report } = confirmed;
    await deps.names.prime([report.assignee, ...events.map((e) => e.actor), ...notes.map((n) => n.author)]);
    const ctx = context(res);
    res.json({
      report: presentDetail(report, ctx),
      timeline: buildTimeline(
        report,
        { inbound, outbound, audit: events, notes },
        {
          lang: ctx.lang,
          names: deps.names,
          teamName: (id) => deps.teams.find((t) => t.id === id)?.name[ctx.lang],
          voiceNotesKept: Boolean(deps.audio && deps.voiceNotesKept),
        },
      ),
      // Other citizens' "same situation" (and merged duplicates), without who they are.
      confirmations: presentConfirmations(report, confirmationsList),
      // Why the report has its priority: each factor's points and the weight rule behind them.
      priorityFactors: explainPriority(report, PRIORITY_WEIGHTS, ctx.lang),
    });
  });

  router.get('/:id/photos/:ref', async (req, res) => {
    const report = await loadReport(req.params.id, res);
    if (!report) return;
    // Only a photo of this report, by the exact name the store gave it.
    const ref = req.params.ref;
    const photo = report.photoRefs.includes(ref) ? await deps.media.read(ref) : null;
    if (!photo) return void res.status(404).json({ error: panelMessage('photoNotFound', langOf(res)) });
    await audit(res, 'photo.view', report.id, { ref });
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', 'inline');
    res.type(photo.mimeType).send(photo.bytes);
  });

  // A kept voice note of this report (one of its linked inbox messages), audited like a photo.
  router.get('/:id/voice-notes/:ref', async (req, res) => {
    const report = await loadReport(req.params.id, res);
    if (!report) return;
    const ref = req.params.ref;
    const linked = deps.audio && deps.voiceNotesKept
      ? (await deps.inbox.listForReport(report.id)).some((m) => m.payload.kind === 'audio' && m.payload.mediaRef === ref)
      : false;
    const audio = linked ? await deps.audio!.readAudio(ref) : null;
    if (!audio) return void res.status(404).json({ error: panelMessage('photoNotFound', langOf(res)) });
    await audit(res, 'voice.view', report.id, { ref });
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', 'inline');
    res.type(audio.mimeType).send(audio.bytes);
  });

  router.post('/:id/reveal-identity', async (req, res) => {
    const lang = langOf(res);
    const body = revealSchema.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: panelMessage('revealReasonRequired', lang) });
    const op = currentOperator(res);
    const result = await revealIdentity(
      { reports: deps.reports, identities: deps.identities, audit: deps.audit, policy: deps.revealPolicy },
      {
        reportId: req.params.id,
        actor: { username: op.username, role: op.role },
        reason: body.data.reason,
        requestId: res.locals.requestId,
      },
    );
    if (result.ok) return void res.json({ identity: result.identity });
    if (result.reason === 'not_allowed') return void res.status(403).json({ error: panelMessage('revealNotAllowed', lang) });
    res.status(404).json({ error: panelMessage(result.reason === 'report_not_found' ? 'reportNotFound' : 'identityNotFound', lang) });
  });

  // Several reports, one action and one reason: each is a full single action (see bulk-triage.ts).
  router.post('/bulk', async (req, res) => {
    const body = parseOr400(bulkSchema, req.body, res);
    if (!body) return;
    const { reportIds, ...command } = body;
    const results = await bulkTriage(deps, { reportIds, command, actor: currentOperator(res), requestId: res.locals.requestId });
    for (const r of results) if (r.result === 'done') deps.counts.heard({ type: 'report.updated', reportId: r.reportId });
    res.json({ results, done: results.filter((r) => r.result === 'done').length });
  });

  router.post('/:id/actions', async (req, res) => {
    const parsed = parseOr400(reportActionSchema, req.body, res);
    if (!parsed) return;
    const resolved = await resolveCommand(
      {
        reports: deps.reports,
        templates: deps.templates,
        operatorByName: deps.operatorByName,
        teams: deps.teams,
        categoryLabel: (id, lang) => categoryById(id)?.labels[lang] ?? id,
        zoneName: (id) => (id ? deps.zoneNames.get(id) : undefined),
        ...(deps.staff ? { isLinkedUnit: async (u: string) => Boolean(await deps.staff!.links.chatOf(u)) } : {}),
      },
      req.params.id,
      parsed,
    );
    if (!resolved.ok) {
      const lang = langOf(res);
      if (resolved.reason === 'report_not_found') return void res.status(404).json({ error: panelMessage('reportNotFound', lang) });
      if (resolved.reason === 'unknown_operator')
        return void res.status(400).json({ error: panelMessage('operatorUnknown', lang, { username: resolved.detail }) });
      if (resolved.reason === 'unknown_unit')
        return void res.status(400).json({ error: panelMessage('unitNotLinked', lang, { username: resolved.detail }) });
      return void res
        .status(400)
        .json({ error: panelMessage('badRequest', lang, { detail: `${resolved.reason.replace('_', ' ')}: ${resolved.detail}` }) });
    }
    const command = resolved.command;
    const result = await performAgentAction(deps, {
      reportId: req.params.id,
      command,
      actor: currentOperator(res),
      requestId: res.locals.requestId,
    });
    if (!result.ok) {
      const { status, body } = await refusal(result, langOf(res), deps.names);
      return void res.status(status).json(body);
    }
    deps.counts.heard({ type: 'report.updated', reportId: result.report.id, status: result.report.status, from: result.from });
    await deps.names.prime([result.report.assignee]);
    res.json({ report: presentDetail(result.report, context(res)) });
  });

  return router;
}

/** An action the use case refused, as the panel shows it: 404, 409 with who holds the report, or 422. */
async function refusal(
  result: Extract<AgentActionResult, { ok: false }>,
  lang: PanelLang,
  names: OperatorNames,
): Promise<{
  status: number;
  body: { error: string; current?: { status: string; assignee?: string; assigneeUsername?: string; version: number } };
}> {
  switch (result.reason) {
    case 'not_found':
      return { status: 404, body: { error: panelMessage('reportNotFound', lang) } };
    case 'held_by_other':
    case 'stale': {
      await names.prime([result.current.assignee]);
      const holder = names.nameOf(result.current.assignee);
      const error = result.reason === 'held_by_other' ? panelMessage('takenBy', lang, { name: holder ?? '' }) : panelMessage('stale', lang);
      const { status, assignee, version } = result.current;
      return { status: 409, body: { error, current: { status, assignee: holder, assigneeUsername: assignee, version } } };
    }
    case 'not_allowed':
      return { status: 422, body: { error: panelMessage('notAllowed', lang, { status: labelOf(STATUS_LABELS, result.status, lang) }) } };
    case 'duplicate_unknown':
      return { status: 422, body: { error: panelMessage('duplicateUnknown', lang, { code: result.code }) } };
    case 'duplicate_self':
      return { status: 422, body: { error: panelMessage('duplicateSelf', lang) } };
    case 'duplicate_of_duplicate':
      return { status: 422, body: { error: panelMessage('duplicateOfDuplicate', lang, { code: result.code, original: result.original }) } };
  }
}
