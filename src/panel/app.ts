/**
 * The express app of the web role: request ids and logs, health, then the routers of the panel,
 * the channels' webhooks and the simulator, in the order given.
 */
import express, { type Router } from 'express';
import type { Logger } from '../log/logger';
import { requestContext } from './request-context';
import { healthRoutes, type ReadinessCheck } from './health.routes';
import { errorHandler, notFound } from './errors';

export type Mount = { path: string; router: Router };

export function createWebApp(deps: { logger: Logger; readiness: ReadinessCheck[]; mounts: Mount[]; trustProxy?: number | string[] | false; readyzToken?: string }) {
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: which proxies' X-Forwarded-For/-Proto are believed (client address, https).
  if (deps.trustProxy !== undefined && deps.trustProxy !== false) app.set('trust proxy', deps.trustProxy);
  app.use(requestContext(deps.logger));
  app.use(healthRoutes(deps.readiness, { detailsToken: deps.readyzToken }));
  for (const m of deps.mounts) app.use(m.path, m.router);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
