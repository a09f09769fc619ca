/**
 * CSRF protection for every state-changing request: csrf-csrf's double submit (a token in the
 * X-CSRF-Token header matching an HMAC cookie bound to the session id, keyed by SESSION_SECRET).
 * The token is handed out by login and by GET /api/auth/me.
 */
import { doubleCsrf } from 'csrf-csrf';

export function panelCsrf(opts: { secret: string; production: boolean }) {
  return doubleCsrf({
    getSecret: () => opts.secret,
    // Bound to the session: a token of an old session (before login regenerated it) is refused.
    getSessionIdentifier: (req) => req.sessionID ?? '',
    cookieName: opts.production ? '__Host-vicinato.csrf' : 'vicinato.csrf',
    cookieOptions: { httpOnly: true, sameSite: 'strict', secure: opts.production, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      // X-XSRF-TOKEN: the header the job queues page's front end sends (queue-board-access.ts).
      const v = req.headers['x-csrf-token'] ?? req.headers['x-xsrf-token'];
      return typeof v === 'string' ? v : undefined;
    },
    errorConfig: { statusCode: 403, message: 'invalid CSRF token', code: 'EBADCSRFTOKEN' },
  });
}
