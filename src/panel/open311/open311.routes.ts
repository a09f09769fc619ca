/**
 * Open311 GeoReport v2, read side: services.json, requests.json (filters status, service_code,
 * start_date, end_date) and requests/{service_request_id}.json. JSON only. Optional API key for
 * the whole API, and a per-address rate limit. What is published follows each category's policy
 * (config/open311-policy.ts); the contract is docs/open311.md.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { categoryById, type Category } from '../../../config/categories';
import { open311PolicyOf, publicCategories } from '../../../config/open311-policy';
import type { PublicClause, PublicReportStore, PublishedReport } from '../../domain/public-reports';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../../domain/report';
import { toGeoReport, toGeoReportService, type PublicZones } from './open311.presenter';

const MAX_RESULTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const CLOSED_STATUSES = REPORT_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be an ISO 8601 date' })
  .transform((v) => new Date(v));

export const requestsQuery = z
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
const notFound = [{ code: 404, description: 'no such request' }];

/** What the listing may return of each published category, given the requested status. */
function clausesFor(categories: Category[], status: 'open' | 'closed' | undefined, now: Date): PublicClause[] {
  return categories.flatMap((c): PublicClause[] => {
    const policy = open311PolicyOf(c);
    if (policy.publish === 'never') return [];
    if (policy.publish === 'closed') {
      if (status === 'open') return [];
      return [{ categoryIds: [c.id], statuses: [...CLOSED_STATUSES], closedBefore: new Date(now.getTime() - policy.delayDays * DAY_MS) }];
    }
    const statuses = status === 'open' ? [...OPEN_STATUSES] : status === 'closed' ? CLOSED_STATUSES : [...REPORT_STATUSES];
    return [{ categoryIds: [c.id], statuses: statuses as ReportStatus[] }];
  });
}

/** True when the single report may be shown now (the same rules as the listing). */
function isPublishedNow(published: PublishedReport, now: Date): boolean {
  const { report } = published;
  const policy = open311PolicyOf(categoryById(report.categoryId));
  if (policy.publish === 'never') return false;
  if (policy.publish === 'open') return true;
  return (
    !OPEN_STATUSES.includes(report.status) &&
    Boolean(report.closedAt) &&
    report.closedAt!.getTime() <= now.getTime() - policy.delayDays * DAY_MS
  );
}

export type Open311Deps = {
  reports: PublicReportStore;
  zones: PublicZones;
  apiKey?: string;
  agency: string;
  /** The per-address rate limit (see rate-limit.ts). */
  rateLimit: RequestHandler;
};

export function open311Router(deps: Open311Deps): Router {
  const router = Router();
  router.use(deps.rateLimit);
  router.use(requireApiKey(deps.apiKey));
  const present = (p: PublishedReport) => {
    const category = categoryById(p.report.categoryId)!;
    return toGeoReport(p, category, open311PolicyOf(category), deps.zones, deps.agency);
  };

  router.get('/services.json', (_req, res) => {
    res.json(publicCategories().map((c) => toGeoReportService(c, open311PolicyOf(c))));
  });

  router.get('/requests.json', async (req, res) => {
    const q = requestsQuery.safeParse(req.query);
    if (!q.success) {
      const issue = q.error.issues[0]!;
      const msg =
        issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : `${issue.path.join('.')}: ${issue.message}`;
      return res.status(400).json(bad(msg));
    }
    const { status, service_code, start_date, end_date } = q.data;
    let categories = publicCategories();
    if (service_code) {
      const codes = service_code.split(',');
      categories = categories.filter((c) => codes.includes(c.open311Code));
      if (!categories.length) return res.status(400).json(bad('unknown service_code'));
    }
    const now = new Date();
    // The spec's default window is the last 90 days when no dates are given.
    const from = start_date ?? (end_date ? undefined : new Date(now.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS));
    const items = await deps.reports.list({ clauses: clausesFor(categories, status, now), from, to: end_date, limit: MAX_RESULTS });
    res.json(items.map(present));
  });

  router.get('/requests/:file', async (req, res) => {
    const m = /^(.+)\.(json|xml)$/.exec(req.params.file);
    if (!m) return res.status(404).json([{ code: 404, description: 'use /requests/{service_request_id}.json' }]);
    if (m[2] !== 'json') return res.status(400).json(bad('only the JSON format is supported'));
    const published = await deps.reports.getByPublicId(m[1]!);
    // Unpublished and unknown look the same: the answer says nothing about what exists.
    if (!published || !isPublishedNow(published, new Date())) return res.status(404).json(notFound);
    res.json([present(published)]);
  });

  router.get(/\.xml$/, (_req, res) => res.status(400).json(bad('only the JSON format is supported')));
  return router;
}
