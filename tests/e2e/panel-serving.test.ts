/**
 * How the built front end is served (src/panel/static.routes.ts): client-side routes get
 * index.html (never cached), hashed assets are cached for a year, and without a build every page
 * says how to make one. Also checks the page the real service answers at `/`: its strict CSP.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_DIST_DIR, staticPanelRouter } from '../../src/panel/static.routes';
import { ensurePanelBuilt } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

function appServing(distDir?: string) {
  const app = express();
  app.use(staticPanelRouter(distDir));
  app.use((req, res) => res.status(404).json({ error: `no route for ${req.method} ${req.path}` }));
  return app;
}

describe('serving the built panel', () => {
  beforeAll(() => ensurePanelBuilt());

  it('answers index.html, not cached, for every client-side route', async () => {
    const app = appServing();
    for (const route of ['/', '/login', '/admin', '/avvisi', '/reports/6650f1c2a9e4b3d2c1f0e9d8']) {
      const res = await request(app).get(route);
      expect(res.status, route).toBe(200);
      expect(res.type).toBe('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets with a long immutable cache, and a missing one as a plain 404', async () => {
    const app = appServing();
    const asset = readdirSync(path.join(PANEL_DIST_DIR, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await request(app).get(`/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(app).get('/assets/does-not-exist.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain(PANEL_DIST_DIR);
  });

  it('leaves other paths to the rest of the app', async () => {
    const app = appServing();
    expect((await request(app).get('/reports/a/b')).status).toBe(404);
    expect((await request(app).get('/api/reports')).status).toBe(404);
    expect((await request(app).get('/index.html/../../package.json')).status).toBe(404);
  });

  it('answers a clear 503 page naming the build command when dist/panel is missing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'vicinato-no-panel-'));
    try {
      const app = appServing(path.join(empty, 'panel'));
      for (const route of ['/', '/reports/abc', '/assets/index-123.js']) {
        const res = await request(app).get(route);
        expect(res.status, route).toBe(503);
        expect(res.type).toBe('text/html');
        expect(res.text).toContain('bash script/build-panel.sh');
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the panel page of the running service', () => {
  let app: TestApp;
  beforeAll(async () => {
    ensurePanelBuilt();
    app = await startTestApp({ MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
  }, 60_000);
  afterAll(async () => app?.stop());

  it('comes with a strict Content-Security-Policy allowing only itself and the tile server', async () => {
    const res = await fetch(`${app.url}/reports/6650f1c2a9e4b3d2c1f0e9d8`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves the simulator page with the same CSP and no inline script', async () => {
    const res = await fetch(`${app.url}/simulator`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy') ?? '').toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('/simulator/assets/simulator.js');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    const config = (await (await fetch(`${app.url}/api/simulator/config`)).json()) as { mapTileUrl: string; center: { lat: number } };
    expect(config.mapTileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(config.center.lat).toBeGreaterThan(43);
  });
});
