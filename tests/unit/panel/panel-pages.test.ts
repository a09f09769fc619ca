/**
 * Every page the panel's client-side router knows is served as index.html by the server: without
 * it, reloading "Il mio account", "Per me", "Modelli" or "Accessi" (or opening a notification's
 * link to them) answered a JSON 404.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_PAGE_PATHS } from '../../../src/panel/panel-pages';

describe('panel pages', () => {
  it('the server serves every path the client router knows', () => {
    const router = readFileSync(path.resolve(import.meta.dirname, '../../../src/panel/web/src/lib/router.tsx'), 'utf8');
    const known = [...router.matchAll(/pathname === '([^']*)'/g)].map((m) => m[1]).filter((p) => p !== '');
    expect(known.length).toBeGreaterThan(5);
    for (const p of known) expect(PANEL_PAGE_PATHS, p).toContain(p);
  });
});
