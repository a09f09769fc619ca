/**
 * POST /webhooks/telegram: Telegram delivers updates here when TELEGRAM_WEBHOOK_URL is set. The
 * secret header is checked before the body is even parsed; the 200 goes back only once the message
 * is in the inbox, and a storage fault answers 500 so Telegram delivers the update again.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { jsonBody } from '../../src/panel/json-body';
import type { Logger } from '../../src/log/logger';
import type { UpdateHandler } from './handle-update';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

// Hashing first gives both sides the same length, so the comparison takes the same time whatever
// the caller sent.
const digest = (value: string) => createHash('sha256').update(value).digest();

function requireSecret(secret: string): RequestHandler {
  const expected = digest(secret);
  return (req, res, next) => {
    const given = req.get(SECRET_HEADER);
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.status(401).json({ error: `missing or wrong ${SECRET_HEADER} header` });
      return;
    }
    next();
  };
}

export function telegramWebhookRouter(deps: { secret: string; handleUpdate: UpdateHandler; logger: Logger; rateLimit: RequestHandler }): Router {
  const router = Router();
  // One update per request, a few KB (a 4096-character message with its entities stays far below
  // the limit); photos arrive as file ids, never as bytes.
  router.post('/', deps.rateLimit, requireSecret(deps.secret), jsonBody('64kb'), async (req, res) => {
    if (!req.is('application/json') || typeof req.body !== 'object' || req.body === null) {
      res.status(400).json({ error: 'expected a JSON Telegram update (Content-Type: application/json)' });
      return;
    }
    try {
      const outcome = await deps.handleUpdate(req.body);
      if (outcome.kind === 'invalid') {
        res.status(400).json({ error: `not a Telegram update: ${outcome.reason}` });
        return;
      }
      res.status(200).json({ ok: true });
    } catch (err) {
      deps.logger.error(`telegram update not stored, Telegram will retry: ${(err as Error).message}`);
      res.status(500).json({ error: 'the update could not be stored; retry later' });
    }
  });
  return router;
}
