/**
 * The OpenAPI 3.1 description: valid by a well-kept validator, public view for anyone and full view
 * for admins only, every route under /api, /open311 and /webhooks of the running service described
 * (so the description cannot silently fall behind the code), and docs/openapi.json up to date.
 */
import { readFileSync } from 'node:fs';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedOpenApiText, OPENAPI_FILE } from '../../../script/openapi';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CLOUD, cloudSettings } from '../whatsapp-cloud/meta-webhook';
import { PanelClient, loggedIn } from '../panel/panel-helpers';

let app: TestApp;
let telegram: FakeTelegram;
let graph: FakeGraphApi;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  // Every channel with HTTP routes on, so that every route is registered.
  app = await startTestApp({
    ...cloudSettings(graph.base),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://vicinato.comune.example/webhooks/telegram',
    TELEGRAM_WEBHOOK_SECRET: 'openapi-test-webhook-secret',
    SERVICES: 'web,worker,telegram',
  });
});
afterAll(async () => {
  await app?.stop();
  await telegram?.close();
  await graph?.close();
});

async function expectValid(doc: unknown) {
  // The parser dereferences in place: give it a copy.
  const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
  expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
}

type RouteEntry = { method: string; path: string };

/** Every route registered on the express app, with its full path, walking mounted routers. */
function registeredRoutes(web: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths)
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
            out.push({ method, path: typeof p === 'string' ? prefix + p : `${prefix}${String(p)}` });
      } else if (layer.handle?.stack) {
        const raw = layer.rawPath;
        walk(layer.handle.stack, typeof raw === 'string' && raw !== '/' ? prefix + raw : prefix);
      }
    }
  };
  walk((web as any).router.stack, '');
  return out;
}

/** Routes that the description leaves out on purpose, and why. */
const NOT_DESCRIBED: Record<string, string> = {
  // Answers 400 "only the JSON format is supported" to any *.xml path (a RegExp route).
  'get /open311/v2/\\.xml$/': 'the XML format is refused',
};

describe('the OpenAPI description', () => {
  it('is public at /openapi.json: Open311 and the webhooks, valid OpenAPI 3.1, nothing of the panel', async () => {
    const res = await fetch(`${app.url}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    await expectValid(doc);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/open311/v2/requests.json',
      '/open311/v2/requests/{file}',
      '/open311/v2/services.json',
      '/webhooks/telegram',
      '/webhooks/whatsapp',
    ]);
    expect(JSON.stringify(doc)).not.toContain('/api/');
  });

  it('is complete, with the panel API, only for a signed-in admin', async () => {
    expect((await new PanelClient(app.url).get('/api/docs/openapi.json')).status).toBe(401);
    for (const role of ['agent', 'supervisor'] as const)
      expect((await (await loggedIn(app, `docs.${role}`, role)).get('/api/docs/openapi.json')).status).toBe(403);
    const admin = await loggedIn(app, 'docs.admin', 'admin');
    const res = await admin.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    await expectValid(res.body);
    expect(res.body.paths['/api/reports/{id}/actions'].post.requestBody.content['application/json'].schema.oneOf.length).toBeGreaterThan(5);
  });

  it('describes every route under /api, /open311 and /webhooks the service registers, with its method', async () => {
    const admin = await loggedIn(app, 'docs.walker', 'admin');
    const doc = (await admin.get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = registeredRoutes(app.web).filter((r) => /^\/(api|open311|webhooks)\//.test(r.path));
    // The walk itself finds the routes (a broken walk would pass vacuously).
    expect(routes.length).toBeGreaterThan(50);
    expect(routes).toContainEqual({ method: 'post', path: '/api/reports/:id/actions' });
    expect(routes).toContainEqual({ method: 'get', path: '/webhooks/whatsapp/' });
    const missing = routes
      .filter((r) => !NOT_DESCRIBED[`${r.method} ${r.path}`])
      .filter((r) => {
        const templated = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1');
        return !doc.paths[templated]?.[r.method];
      })
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
    // And nothing described that the service does not serve (a route renamed in code but not here).
    const served = new Set(routes.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1')}`));
    const stale = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).filter((k) => !served.has(k));
    expect(stale).toEqual([]);
  });

  it('is committed as docs/openapi.json exactly as `npm run openapi` generates it', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(committedOpenApiText());
  });
});
