/** Meta's webhook signature (X-Hub-Signature-256) and the handshake token, compared in constant time. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** True when `header` is `sha256=<hex HMAC-SHA256 of the raw body with the app secret>`. */
export function verifySignature(rawBody: Buffer | undefined, header: unknown, appSecret: string): boolean {
  if (!rawBody || typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(m[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time string equality (both sides hashed first, so their lengths do not leak either). */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
