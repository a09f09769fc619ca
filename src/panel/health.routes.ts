/** Liveness and readiness. /readyz is 200 only when every dependency answers. */
import { Router } from 'express';

export type ReadinessCheck = { name: string; check: () => Promise<boolean>; details?: () => unknown };

export function healthRoutes(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => ({ name: c.name, up: await c.check().catch(() => false), details: c.details?.() })),
    );
    const down = results.filter((r) => !r.up).map((r) => r.name);
    const body = {
      status: down.length ? 'unavailable' : 'ready',
      down,
      checks: Object.fromEntries(results.map((r) => [r.name, r.details === undefined ? (r.up ? 'up' : 'down') : { state: r.up ? 'up' : 'down', ...(r.details as object) }])),
    };
    res.status(down.length ? 503 : 200).json(body);
  });
  return router;
}
