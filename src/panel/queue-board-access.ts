/**
 * Who may use the job queues page (Bull Board) and how: mounted after the panel's session, CSRF and
 * `requireRole('admin')`. Read-only (QUEUE_BOARD_WRITE=false) refuses every change here, whatever
 * the board itself would allow. When changes are allowed, the board's front end must still pass the
 * panel's CSRF check: it sends the X-XSRF-TOKEN header from the XSRF-TOKEN cookie (axios does so
 * by itself for same-origin requests), so the page hands it the session's token in that cookie.
 */
import type { Request, RequestHandler, Response } from 'express';
import { langOf } from './auth.middleware';
import { panelMessage } from './panel-messages';

/** The cookie the board's front end reads; csrf.ts accepts its header. */
export const BOARD_XSRF_COOKIE = 'XSRF-TOKEN';

export function queueBoardAccess(opts: {
  writable: boolean;
  /** Where the board is, as the browser sees it: the cookie is sent only there. */
  boardPath: string;
  production: boolean;
  csrfToken: (req: Request, res: Response) => string;
}): RequestHandler {
  return (req, res, next) => {
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (!reading && !opts.writable) return void res.status(403).json({ error: panelMessage('queueBoardReadOnly', langOf(res)) });
    // The board's page (not its API or assets) hands out the token its changes will carry.
    if (opts.writable && reading && !/^\/(api|static)\//.test(req.path)) {
      res.cookie(BOARD_XSRF_COOKIE, opts.csrfToken(req, res), {
        path: opts.boardPath,
        sameSite: 'strict',
        secure: opts.production,
        // Read by the board's script, which sends it back as a header; a cookie alone proves nothing.
        httpOnly: false,
      });
    }
    next();
  };
}
