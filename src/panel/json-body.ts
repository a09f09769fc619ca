/** JSON body parsing that keeps the raw bytes (webhook signatures are computed over them). */
import express from 'express';

declare module 'http' {
  interface IncomingMessage {
    rawBody?: Buffer;
  }
}

export function jsonBody(limit = '1mb') {
  return express.json({
    limit,
    verify: (req, _res, buf) => {
      req.rawBody = buf;
    },
  });
}

/**
 * The body as bytes only, up to `limit`, whatever its content type: for webhooks whose signature
 * must be checked before anything parses the body (see parseJsonBuffer).
 */
export function rawBodyOnly(limit: string) {
  return express.raw({ limit, type: () => true });
}

/** The JSON value of a verified raw body, or undefined when it is not JSON. */
export function parseJsonBuffer(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
