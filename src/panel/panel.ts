/**
 * The operator panel: its JSON API under /api (auth, queue, report, actions, live events, admin)
 * and the served front end at `/`. Order inside /api: security headers -> cookies -> session ->
 * body -> login (the only route without a session) -> 401 without a session -> CSRF on every
 * state-changing request -> routes (403 by role where needed).
 */
import { loginThrottle } from './login-throttle';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Config } from '../../config/env';
import { CATEGORIES } from '../../config/categories';
import { rescoreConfirmed } from '../app/reports/confirm-report';
import type { MunicipalityProfile } from '../../config/municipality';
import type { AudioStore, EventBus, JobScheduler, MediaStore } from '../domain/ports';
import type { Territory } from '../geo/territory';
import type { Logger } from '../log/logger';
import type { redisKeys } from '../queue/queue-names';
import type { Storage } from '../storage';
import type { Mount } from './app';
import { adminRoutes, auditRoutes } from './admin.routes';
import { advisoryRoutes } from './advisories.routes';
import { operatorCache, requireOperator, requireRole, sessionStands } from './auth.middleware';
import type { SessionData } from 'express-session';
import type { Request, RequestHandler } from 'express';
import { loginRoute, secondFactorRoute } from './auth.routes';
import { accountRoutes, ENROLMENT_PATHS } from './account.routes';
import { fieldCipherFromSettings } from '../security/field-cipher';
import { cookies } from './cookies';
import { panelCsrf } from './csrf';
import { liveEvents } from './events.routes';
import { jsonBody } from './json-body';
import { loginRateLimit } from './login-limits';
import { metaRoutes } from './meta.routes';
import { operatorNames } from './operator-names';
import { reportRoutes } from './reports.routes';
import { staffLinkRoutes } from './staff-link.routes';
import { reportNaming } from '../app/staff/report-naming';
import { securityHeaders } from './security-headers';
import { serviceClock } from './service-clock';
import { queueCounts } from './queue-counts';
import { panelSession, sessionCookieName } from './session';
import { revocationGeneration } from './session-cache';
import { staticPanelRouter } from './static.routes';
import { reportExportRoutes } from './report-export.routes';
import { publicDescriptionRoutes } from './public-description.routes';
import { forMeRoutes, reportNoteRoutes } from './notes.routes';
import { citizenBlockRoutes } from './citizen-block.routes';
import { templateRoutes } from './templates.routes';
import { territoryRoutes } from './territory.routes';
import { QUEUE_BOARD_PATH } from './panel-paths';
import { queueBoardAccess } from './queue-board-access';

export type PanelDeps = {
  config: Config;
  logger: Logger;
  storage: Storage;
  media: MediaStore;
  /** Voice notes' store, when SPEECH_TO_TEXT_URL is set. */
  audio?: AudioStore;
  events: EventBus;
  scheduler: JobScheduler;
  municipality: MunicipalityProfile;
  territory: Territory;
  /** The service's MongoDB connection: sessions are stored on it (connect-mongo). */
  mongo: Connection;
  /** Redis commands connection: login rate limit counters and the WhatsApp link state. */
  redis: Redis;
  redisKeys: ReturnType<typeof redisKeys>;
  /** The job queues page (Bull Board) for admins, served at QUEUE_BOARD_PATH; built by main.ts (src/queue/queue-board.ts). */
  queueBoard?: RequestHandler;
  /** The full OpenAPI description for admins, served at /api/docs (src/openapi/openapi.routes.ts). */
  apiDocs?: RequestHandler;
};

export function createPanel(deps: PanelDeps): { mounts: Mount[]; close(): Promise<void> } {
  const { config, storage } = deps;
  const production = config.NODE_ENV === 'production';
  const headers = securityHeaders({ mapTileUrl: config.MAP_TILE_URL, production });
  // Sessions and accounts cached a few seconds per process; every revocation moves this on everywhere (session-cache.ts).
  const generation = revocationGeneration(deps.redis, `${config.REDIS_PREFIX}:panel:revocation-generation`);
  const operators = operatorCache(storage.operators, generation);
  const names = operatorNames(storage.operators);
  const csrf = panelCsrf({ secret: config.SESSION_SECRET, production });
  const csrfToken = (req: Parameters<typeof csrf.generateCsrfToken>[0], res: Parameters<typeof csrf.generateCsrfToken>[1]) =>
    csrf.generateCsrfToken(req, res);
  const idleMs = config.PANEL_IDLE_TIMEOUT_MINUTES * 60_000;
  const live = liveEvents(deps.events, async (req) => {
    const stored = await new Promise<SessionData | null | 'unknown'>((resolve) =>
      req.sessionStore.get(req.sessionID, (err, s) => resolve(err ? 'unknown' : ((s as SessionData | null | undefined) ?? null))),
    );
    // The store cannot answer (MongoDB down): the stream is not the operator's fault; ask again later.
    if (stored === 'unknown') return true;
    if (!stored?.operatorId) return false;
    const op = await operators.get(stored.operatorId, stored.sessionEpoch);
    return Boolean(op) && sessionStands(stored as Request['session'], op, Date.now(), idleMs);
  });
  const counts = queueCounts(storage.reports, deps.events);

  const api = Router();
  api.use(headers);
  api.use((_req, res, next) => {
    // Nothing the API answers may be kept by a browser or proxy cache.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(cookies);
  api.use(
    panelSession({
      mongo: deps.mongo,
      secret: config.SESSION_SECRET,
      idleMinutes: config.PANEL_IDLE_TIMEOUT_MINUTES,
      production,
      generation,
    }),
  );
  api.use(jsonBody('100kb'));
  const cipher = fieldCipherFromSettings(config);
  const zoneNames = new Map(deps.territory.zones().map((z) => [z.id, z.name]));
  const throttle = loginThrottle(deps.redis, deps.redisKeys.loginThrottle);
  const loginDeps = {
    operators: storage.operators,
    audit: storage.audit,
    csrfToken,
    throttle,
    cipher,
    mfaRequiredRoles: config.mfaRequiredRoles,
    refuseDemoAccounts: production,
  };
  const loginLimit = loginRateLimit(deps.redis, deps.redisKeys.loginRateLimit);
  api.post('/auth/login', loginLimit, loginRoute(loginDeps));
  api.post('/auth/login/mfa', loginLimit, secondFactorRoute(loginDeps));
  // Idle limit: the live event stream, like every request marked X-Background-Request, is not activity.
  const idle = { idleMs, backgroundPaths: ['/events'] };
  api.use(requireOperator(operators, idle, ENROLMENT_PATHS));
  api.use(csrf.doubleCsrfProtection);
  api.use(
    '/auth',
    accountRoutes({
      operators: storage.operators,
      operatorCache: operators,
      audit: storage.audit,
      csrfToken,
      cookieName: sessionCookieName(production),
      cipher,
      throttle,
      mfaRequiredRoles: config.mfaRequiredRoles,
      issuer: `Vicinato ${deps.municipality.name}`,
    }),
  );
  api.use(
    '/meta',
    metaRoutes({
      municipality: deps.municipality,
      territory: deps.territory,
      mapTileUrl: config.MAP_TILE_URL,
      alertPriority: config.PANEL_ALERT_PRIORITY,
      retention: {
        policy: {
          messagesDays: config.RETENTION_MESSAGES_DAYS,
          identityLinkMonths: config.RETENTION_IDENTITY_LINK_MONTHS,
          auditYears: config.RETENTION_AUDIT_YEARS,
          photosMonths: config.RETENTION_PHOTOS_MONTHS,
        },
        lastRunAt: () => storage.retention.lastRunAt(),
      },
      operators: async () =>
        (await storage.operators.list())
          .filter((o) => !o.disabled)
          .map((o) => ({ username: o.username, displayName: o.displayName, ...(o.team ? { team: o.team } : {}) })),
    }),
  );
  // Before the report routes, which would read `export.csv` as a report id.
  api.use(
    '/reports',
    reportExportRoutes({
      source: storage.reportExport,
      audit: storage.audit,
      logger: deps.logger,
      categoryIds: CATEGORIES.map((c) => c.id),
      sensitiveCategoryIds: CATEGORIES.filter((c) => c.sensitive).map((c) => c.id),
      zoneNames,
      timeZone: deps.municipality.serviceHours.timeZone,
      maxRows: config.PANEL_EXPORT_MAX_ROWS,
    }),
  );
  const notesDeps = { reports: storage.reports, notes: storage.notes, audit: storage.audit, events: deps.events, names };
  // The staff bot (a dispatch sent to a patrol's phone): only when its token is configured.
  const staff = config.STAFF_TELEGRAM_BOT_TOKEN
    ? {
        links: storage.staffLinks,
        outbox: storage.staffOutbox,
        audit: storage.audit,
        naming: reportNaming({ zoneNames, publicUrl: config.PUBLIC_URL }),
      }
    : undefined;
  api.use(
    '/staff',
    staffLinkRoutes({
      links: storage.staffLinks,
      audit: storage.audit,
      enabled: Boolean(staff),
      codeMinutes: config.STAFF_LINK_CODE_MINUTES,
    }),
  );
  api.use('/reports', reportNoteRoutes(notesDeps));
  api.use('/notes', forMeRoutes(notesDeps));
  api.use('/reports', citizenBlockRoutes({ reports: storage.reports, blocks: storage.citizenBlocks, audit: storage.audit }));
  api.use(
    '/templates',
    templateRoutes({
      templates: storage.templates,
      reports: storage.reports,
      audit: storage.audit,
      categoryIds: CATEGORIES.map((c) => c.id),
      zoneNames,
      teams: deps.municipality.teams,
    }),
  );
  api.use('/reports', publicDescriptionRoutes({ publicReports: storage.publicReports, audit: storage.audit }));
  api.use(
    '/reports',
    reportRoutes({
      reports: storage.reports,
      audit: storage.audit,
      outbound: storage.outbound,
      inbox: storage.inbox,
      identities: storage.identities,
      revealPolicy: config.IDENTITY_REVEAL_POLICY,
      notes: storage.notes,
      templates: storage.templates,
      operatorByName: (username) => storage.operators.findByUsername(username),
      teams: deps.municipality.teams,
      slaRules: deps.municipality.sla,
      media: deps.media,
      ...(deps.audio ? { audio: deps.audio, voiceNotesKept: config.VOICE_NOTES_KEEP_AUDIO } : {}),
      scheduler: deps.scheduler,
      events: deps.events,
      logger: deps.logger,
      names,
      confirmations: storage.confirmations,
      merges: storage.merges,
      rescore: rescoreConfirmed,
      clock: serviceClock(deps.municipality.serviceHours),
      counts,
      categoryIds: CATEGORIES.map((c) => c.id),
      zoneNames,
      timeZone: deps.municipality.serviceHours.timeZone,
      ...(staff ? { staff } : {}),
    }),
  );
  api.use('/events', live.router);
  api.use(
    '/territory',
    territoryRoutes({
      stats: storage.stats,
      territory: deps.territory,
      categoryIds: CATEGORIES.map((c) => c.id),
      timeZone: deps.municipality.serviceHours.timeZone,
    }),
  );
  if (deps.queueBoard) {
    const boardPath = QUEUE_BOARD_PATH.replace(/\/$/, '');
    api.use(
      boardPath.slice('/api'.length),
      requireRole('admin'),
      securityHeaders({ mapTileUrl: config.MAP_TILE_URL, production, inlineStyles: true }),
      queueBoardAccess({ writable: config.QUEUE_BOARD_WRITE, boardPath, production, csrfToken }),
      deps.queueBoard,
    );
  }
  if (deps.apiDocs) api.use('/docs', requireRole('admin'), deps.apiDocs);
  api.use(
    '/admin',
    adminRoutes({
      operators: storage.operators,
      operatorCache: operators,
      names,
      audit: storage.audit,
      redis: deps.redis,
      whatsappStatusKey: deps.redisKeys.whatsappStatus,
      teams: deps.municipality.teams,
    }),
  );
  api.use('/audit', auditRoutes({ audit: storage.audit, names }));
  api.use(
    '/advisories',
    advisoryRoutes({
      advisories: storage.advisories,
      scheduler: deps.scheduler,
      audit: storage.audit,
      names,
      logger: deps.logger,
      zoneNames,
    }),
  );
  // An unknown /api path is a JSON 404 here, never the front end's index.html.
  api.use((req, res) => {
    res.status(404).json({ error: `no route for ${req.method} ${req.baseUrl}${req.path}` });
  });

  const web = Router();
  web.use(headers);
  web.use(staticPanelRouter());

  return {
    mounts: [
      { path: '/api', router: api },
      // Last: the front end's client-side routes fall back to index.html.
      { path: '/', router: web },
    ],
    async close() {
      live.closeAll();
      counts.close();
    },
  };
}
