/** Gives every request an id (kept from X-Request-Id when sane), logs it, and puts it in every log line. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { withLogContext, type Logger } from '../log/logger';

export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    withLogContext({ requestId: id }, () => {
      res.on('finish', () =>
        withLogContext({ requestId: id }, () =>
          logger.info(`${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode}`, {
            ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          }),
        ),
      );
      next();
    });
  };
}
