/**
 * The one error handler of the web role, and the answer to unknown routes. A client gets a stable
 * message for the status and an error id; what went wrong (message, stack, file paths) goes only
 * to the log, under that id. The error id is the request id (also in the X-Request-Id header and
 * on every log line of the request), so an operator can find the log lines from what a user reports.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../log/logger';
import { langOf } from './auth.middleware';
import type { PanelLang } from './panel-messages';
import { panelTexts } from '../texts/panel';

/** Statuses with a text of their own (src/texts/panel server.*.ts httpStatus). */
type KnownStatus = keyof (typeof panelTexts)['it']['server']['httpStatus'];
const isKnown = (status: number): boolean => String(status) in panelTexts.it.server.httpStatus;

/** The stable text for a status (its class's when the status has none of its own). */
export function stableErrorMessage(status: number, lang: PanelLang = 'it'): string {
  const key = String(isKnown(status) ? status : status >= 500 ? 500 : 400) as KnownStatus;
  return panelTexts[lang].server.httpStatus[key];
}

/** The id a client can quote: the request id (see request-context.ts). */
export const errorIdOf = (res: Response): string => String(res.locals.requestId ?? 'unknown');

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const raw = err?.status ?? err?.statusCode;
    const status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
    const errorId = errorIdOf(res);
    const message = err instanceof Error ? err.message : String(err);
    if (status >= 500) logger.error(`unhandled error ${errorId}: ${message}`, { errorId, stack: err?.stack });
    else logger.warn(`request refused (${status}) ${errorId}: ${message}`, { errorId, type: err?.type });
    if (res.headersSent) return;
    // Reasons that help a client and reveal nothing: body-parser's parse failure, our CSRF check.
    const text =
      err?.type === 'entity.parse.failed'
        ? 'malformed JSON body'
        : err?.code === 'EBADCSRFTOKEN'
          ? 'invalid CSRF token'
          : stableErrorMessage(status, langOf(res));
    // Open311 clients expect the specification's error shape.
    if (req.originalUrl.startsWith('/open311/'))
      return void res.status(status).json([{ code: status, description: text, error_id: errorId }]);
    res.status(status).json({ error: text, errorId });
  };
}
