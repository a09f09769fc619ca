/**
 * Serves the built front end (dist/panel, written by `bash script/build-panel.sh`): hashed assets
 * with a long cache, index.html never cached, and index.html for the client-side routes. When the
 * build is missing the panel answers a plain 503 page saying how to build it. Mounted last by
 * createPanel, after the API routes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { PANEL_PAGE_PATHS, REPORT_PAGE_PATH } from './panel-pages';

/** <repo>/dist/panel */
export const PANEL_DIST_DIR = path.resolve(import.meta.dirname, '../../dist/panel');

const SPA_ROUTES = [...PANEL_PAGE_PATHS, REPORT_PAGE_PATH];
const ONE_YEAR_S = 365 * 24 * 60 * 60;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>Vicinato: pannello non compilato</title></head>
<body>
<main>
<h1>Il pannello operatori non è ancora stato compilato</h1>
<p>Esegui <code>bash script/build-panel.sh</code> nella cartella del progetto, poi ricarica la pagina.</p>
<h2 lang="en">The operator panel has not been built yet</h2>
<p lang="en">Run <code>bash script/build-panel.sh</code> in the project folder, then reload this page.</p>
</main>
</body>
</html>
`;

export function staticPanelRouter(distDir: string = PANEL_DIST_DIR): Router {
  const router = Router();
  const indexFile = path.join(distDir, 'index.html');
  // Checked per request (a cheap stat), so building while the service runs needs no restart.
  const built = () => existsSync(indexFile);

  const notBuilt: RequestHandler = (_req, res) => {
    res.status(503).set('Cache-Control', 'no-store').set('Retry-After', '60').type('html').send(NOT_BUILT_PAGE);
  };

  // Hashed file names (index-<hash>.js): safe to cache for a year.
  router.use(
    '/assets',
    (req, res, next) => (built() ? next() : notBuilt(req, res, next)),
    express.static(path.join(distDir, 'assets'), {
      index: false,
      // A missing asset falls through to the app's JSON 404 (never an error naming the disk path).
      fallthrough: true,
      immutable: true,
      maxAge: ONE_YEAR_S * 1000,
    }),
  );

  router.get(SPA_ROUTES, (req, res, next) => {
    if (!built()) return notBuilt(req, res, next);
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile, { lastModified: true }, (err) => err && next(err));
  });
  return router;
}
