/** Minimal cookie parsing into req.cookies (what csrf-csrf reads), without another dependency. */
import type { RequestHandler } from 'express';

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
}

export const cookies: RequestHandler = (req, _res, next) => {
  req.cookies ??= parseCookieHeader(req.headers.cookie);
  next();
};
