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

export function createWebApp(deps: { logger: Logger; readiness: ReadinessCheck[]; mounts: Mount[]; trustProxy?: boolean }) {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', 1);
  app.use(requestContext(deps.logger));
  app.use(healthRoutes(deps.readiness));
  for (const m of deps.mounts) app.use(m.path, m.router);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
