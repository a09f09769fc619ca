/**
 * helmet with a strict Content-Security-Policy for the panel and its API: scripts, styles and
 * connections only from the panel itself; images also from data:/blob: and the map tile server
 * named by MAP_TILE_URL; no framing.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The CSP source of a tile URL template: `https://{s}.tile.osm.org/{z}/{x}/{y}.png` -> `https://*.tile.osm.org`. */
export function tileSource(template: string): string | undefined {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  const host = m[2].toLowerCase();
  if (!host.includes('{')) return `${scheme}://${host}`;
  // A placeholder in the leftmost label becomes a wildcard; anywhere else only the scheme can be named.
  const wild = host.replace(/^[^.]*\{[^}]+\}[^.]*\./, '*.');
  return wild.includes('{') ? `${scheme}:` : `${scheme}://${wild}`;
}

/**
 * `inlineStyles`: only for the job queues page (Bull Board), whose front end sets inline styles it
 * cannot be built without; its scripts stay 'self'-only.
 */
export function securityHeaders(opts: { mapTileUrl: string; production: boolean; inlineStyles?: boolean }): RequestHandler {
  const tiles = tileSource(opts.mapTileUrl);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: opts.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: opts.production,
    referrerPolicy: { policy: 'same-origin' },
  });
}
