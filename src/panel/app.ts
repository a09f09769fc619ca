/**
 * The express app of the web role: request ids and logs, health, then the routers of the panel,
 * the channels' webhooks and the simulator, in the order given.
 */
import express, { type Router } from 'express';
import type { Logger } from '../log/logger';
import { requestContext } from './request-context';
import { healthRoutes, mayReadDetails, type ReadinessCheck } from './health.routes';
import type { Metrics } from '../observability/metrics';
import { errorHandler, notFound } from './errors';

export type Mount = { path: string; router: Router };

export function createWebApp(deps: {
  logger: Logger;
  readiness: ReadinessCheck[];
  mounts: Mount[];
  trustProxy?: number | string[] | false;
  readyzToken?: string;
  metrics?: Metrics;
}) {
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: which proxies' X-Forwarded-For/-Proto are believed (client address, https).
  if (deps.trustProxy !== undefined && deps.trustProxy !== false) app.set('trust proxy', deps.trustProxy);
  app.use(requestContext(deps.logger));
  const metrics = deps.metrics;
  if (metrics) {
    // Latency by route pattern (never the raw path: ids would make a series per report).
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        metrics.observeHttp(req.method, route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    });
    // For Prometheus: loopback or READYZ_TOKEN, like /readyz's details.
    app.get('/metrics', async (req, res) => {
      if (!mayReadDetails(req, deps.readyzToken)) return void res.status(403).json({ error: 'metrics are for loopback or READYZ_TOKEN' });
      res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  app.use(healthRoutes(deps.readiness, { detailsToken: deps.readyzToken }));
  for (const m of deps.mounts) app.use(m.path, m.router);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
