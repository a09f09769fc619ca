/** The last handlers: unknown routes and unexpected faults answer JSON with a reason, never a stack. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log/logger';

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
    if (status >= 500) logger.error(`unhandled error: ${err?.message ?? err}`, { stack: err?.stack });
    if (res.headersSent) return;
    // body-parser errors (malformed JSON, too large) carry a 4xx status and a safe message.
    const message = status < 500 ? (err.type === 'entity.parse.failed' ? 'malformed JSON body' : err.message) : 'internal error';
    res.status(status).json({ error: message });
  };
}
