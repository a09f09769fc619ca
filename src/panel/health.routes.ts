/**
 * Liveness and readiness. /readyz is 200 only when every dependency answers, and names what is
 * down. Its details (channel states, which host holds a lock) are for the operator only: a caller
 * on loopback, or one presenting READYZ_TOKEN (`Authorization: Bearer …`).
 */
import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';

export type ReadinessCheck = { name: string; check: () => Promise<boolean>; details?: () => unknown };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function mayReadDetails(req: Request, token: string | undefined): boolean {
  // req.ip is the client's address (behind a trusted proxy, the one it forwards), not the proxy's.
  if (LOOPBACK.test(req.ip ?? '')) return true;
  const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function healthRoutes(checks: ReadinessCheck[], opts: { detailsToken?: string } = {}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => ({ name: c.name, up: await c.check().catch(() => false), details: c.details?.() })),
    );
    const down = results.filter((r) => !r.up).map((r) => r.name);
    const summary = { status: down.length ? 'unavailable' : 'ready', down };
    if (!mayReadDetails(req, opts.detailsToken)) return void res.status(down.length ? 503 : 200).json(summary);
    const body = {
      ...summary,
      checks: Object.fromEntries(
        results.map((r) => [
          r.name,
          r.details === undefined ? (r.up ? 'up' : 'down') : { state: r.up ? 'up' : 'down', ...(r.details as object) },
        ]),
      ),
    };
    res.status(down.length ? 503 : 200).json(body);
  });
  return router;
}
