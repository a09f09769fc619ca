/**
 * The panel's client-side pages (src/panel/web/src/lib/router.tsx): the server answers each with
 * index.html, so a reload, a bookmark or a notification's link opens the page instead of a 404.
 * tests/unit/panel/panel-pages.test.ts checks that every path the router knows is listed here.
 */
import { API_DOCS_PAGE } from './panel-paths';

export const PANEL_PAGE_PATHS = ['/', '/login', '/admin', '/avvisi', '/territorio', '/indicatori', '/account', '/per-me', '/modelli', '/accessi', API_DOCS_PAGE] as const;

/** A report's page. */
export const REPORT_PAGE_PATH = /^\/reports\/[A-Za-z0-9_-]{1,64}\/?$/;
