/**
 * The queue and the report: list with filters and counts, detail with timeline, the photos
 * (operators only, audited), the audited identity reveal, and the actions.
 * Each route: session (checked upstream) -> schema -> command -> presenter.
 */
import { Router, type Response } from 'express';
import { PRIORITY_WEIGHTS } from '../../config/priority';
import type { AuditLog, IdentityStore, InboxStore, MediaStore, OutboundLog, ReportStore, ReportView } from '../domain/ports';
import { currentOperator, langOf } from './auth.middleware';
import { presentConfirmations } from './confirmations.presenter';
import { explainPriority } from './priority-explanation';
import type { OperatorNames } from './operator-names';
import { panelMessage } from './panel-messages';
import { performReportAction, type ReportActionDeps } from './report-actions';
import { reportActionSchema } from './report-action.schema';
import { reportListQuerySchema } from './report-query.schema';
import type { QueueCounts } from './queue-counts';
import { presentDetail, presentSummary, type PresentContext } from './report.presenter';
import { buildTimeline } from './report-timeline';
import type { ServiceClock } from './service-clock';
import { parseOr400 } from './validation';

export type ReportRoutesDeps = ReportActionDeps & {
  inbox: InboxStore;
  outbound: OutboundLog;
  identities: IdentityStore;
  media: MediaStore;
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

  router.get('/', async (req, res, next) => {
    try {
      const q = parseOr400(listQuery, req.query, res);
      if (!q) return;
      const [items, counts] = await Promise.all([deps.reports.listItems(q.filter, q.page), deps.counts.count(q.filter)]);
      await deps.names.prime(items.map((r) => r.assignee));
      const ctx = context(res);
      res.json({
        items: items.map((r) => presentSummary(r, ctx)),
        // Same criteria as the counts: the total is their sum over the requested statuses.
        total: q.filter.status.reduce((sum, s) => sum + counts[s], 0),
        counts,
      });
    } catch (err) {
      next(err);
    }
  });

  router.get('/:id', async (req, res, next) => {
    try {
      const report = await loadReport(req.params.id, res);
      if (!report) return;
      const [inbound, outbound, events, confirmed] = await Promise.all([
        deps.inbox.listForReport(report.id),
        deps.outbound.listForReport(report.id),
        deps.audit.listForReport(report.id),
        deps.confirmations.get(report.id),
      ]);
      await deps.names.prime([report.assignee, ...events.map((e) => e.actor)]);
      const ctx = context(res);
      res.json({
        report: presentDetail(report, ctx),
        timeline: buildTimeline(report, { inbound, outbound, audit: events }, { lang: ctx.lang, names: deps.names }),
        // Other citizens' "same situation" (and merged duplicates), without who they are.
        confirmations: presentConfirmations(report, confirmed?.confirmationsList ?? []),
        // Why the report has its priority: each factor's points and the weight rule behind them.
        priorityFactors: explainPriority(report, PRIORITY_WEIGHTS, ctx.lang),
      });
    } catch (err) {
      next(err);
    }
  });

  router.get('/:id/photos/:ref', async (req, res, next) => {
    try {
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
    } catch (err) {
      next(err);
    }
  });

  router.post('/:id/reveal-identity', async (req, res, next) => {
    try {
      const report = await loadReport(req.params.id, res);
      if (!report) return;
      const identity = await deps.identities.get(report.citizenRef);
      await audit(res, 'identity.reveal', report.id, { found: Boolean(identity) });
      if (!identity) return void res.status(404).json({ error: panelMessage('identityNotFound', langOf(res)) });
      res.json({
        identity: {
          channel: identity.channel,
          displayName: identity.displayName,
          phone: identity.phone,
          username: identity.username,
          reachable: identity.reachable,
        },
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/:id/actions', async (req, res, next) => {
    try {
      const body = parseOr400(reportActionSchema, req.body, res);
      if (!body) return;
      const result = await performReportAction(deps, {
        reportId: req.params.id,
        body,
        operator: currentOperator(res),
        requestId: res.locals.requestId,
        lang: langOf(res),
      });
      if (!result.ok) return void res.status(result.status).json({ error: result.error, ...(result.current ? { current: result.current } : {}) });
      deps.counts.heard({ type: 'report.updated', reportId: result.report.id, status: result.report.status, from: result.from });
      await deps.names.prime([result.report.assignee]);
      res.json({ report: presentDetail(result.report, context(res)) });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
