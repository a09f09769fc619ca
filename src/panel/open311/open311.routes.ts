/**
 * Open311 GeoReport v2, read side: services.json, requests.json (filters status, service_code,
 * start_date, end_date) and requests/{id}.json. JSON only. Optional API key for the whole API.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { CATEGORIES, categoryById } from '../../../config/categories';
import type { ReportStore } from '../../domain/ports';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../../domain/report';
import { TICKET_CODE_PATTERN } from '../../domain/ticket-code';
import { toGeoReport, toGeoReportService } from './open311.presenter';

const MAX_RESULTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be an ISO 8601 date' })
  .transform((v) => new Date(v));

const requestsQuery = z
  .object({
    status: z.enum(['open', 'closed'], { message: 'status must be open or closed' }).optional(),
    service_code: z.string().max(200).optional(),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
    api_key: z.string().optional(),
    jurisdiction_id: z.string().optional(),
  })
  .strict();

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

function requireApiKey(apiKey: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!apiKey) return next();
    const given = req.query.api_key;
    if (typeof given !== 'string' || !sameSecret(given, apiKey))
      return res.status(401).json([{ code: 401, description: 'a valid api_key is required' }]);
    next();
  };
}

const bad = (description: string) => [{ code: 400, description }];

export function open311Router(deps: { reports: ReportStore; apiKey?: string; agency: string }): Router {
  const router = Router();
  router.use(requireApiKey(deps.apiKey));

  router.get('/services.json', (_req, res) => {
    res.json(CATEGORIES.map(toGeoReportService));
  });

  router.get('/requests.json', async (req, res) => {
    const q = requestsQuery.safeParse(req.query);
    if (!q.success) {
      const issue = q.error.issues[0]!;
      const msg = issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : `${issue.path.join('.')}: ${issue.message}`;
      return res.status(400).json(bad(msg));
    }
    const { status, service_code, start_date, end_date } = q.data;
    let categoryIds: string[] | undefined;
    if (service_code) {
      const codes = service_code.split(',');
      categoryIds = CATEGORIES.filter((c) => codes.includes(c.open311Code)).map((c) => c.id);
      if (!categoryIds.length) return res.status(400).json(bad(`unknown service_code: ${service_code}`));
    }
    const statuses: ReportStatus[] | undefined =
      status === 'open' ? [...OPEN_STATUSES] : status === 'closed' ? REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s)) : undefined;
    // The spec's default window is the last 90 days when no dates are given.
    const from = start_date ?? (end_date ? undefined : new Date(Date.now() - DEFAULT_WINDOW_DAYS * 86_400_000));
    const page = await deps.reports.list(
      { status: statuses, categoryId: categoryIds, from, to: end_date },
      { limit: MAX_RESULTS, offset: 0, sort: 'newest' },
    );
    res.json(page.items.map((r) => toGeoReport(r, categoryById(r.categoryId), deps.agency)));
  });

  router.get('/requests/:file', async (req, res) => {
    const m = /^(.+)\.(json|xml)$/.exec(req.params.file);
    if (!m) return res.status(404).json([{ code: 404, description: 'use /requests/{service_request_id}.json' }]);
    if (m[2] !== 'json') return res.status(400).json(bad('only the JSON format is supported'));
    const id = m[1]!;
    if (!TICKET_CODE_PATTERN.test(id)) return res.status(404).json([{ code: 404, description: `no request ${id}` }]);
    const report = await deps.reports.getByTicket(id);
    if (!report) return res.status(404).json([{ code: 404, description: `no request ${id}` }]);
    res.json([toGeoReport(report, categoryById(report.categoryId), deps.agency)]);
  });

  router.get(/\.xml$/, (_req, res) => res.status(400).json(bad('only the JSON format is supported')));
  return router;
}
