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
