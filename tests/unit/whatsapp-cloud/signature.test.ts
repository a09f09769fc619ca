import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sameSecret, verifySignature } from '../../../bots/whatsapp-cloud/signature';

const secret = 'app-secret-for-tests';
const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const hmac = (body: Buffer, key = secret) => createHmac('sha256', key).update(body).digest('hex');

describe('verifySignature', () => {
  it('accepts sha256=<HMAC of the raw bytes>, hex in either case', () => {
    expect(verifySignature(raw, `sha256=${hmac(raw)}`, secret)).toBe(true);
    expect(verifySignature(raw, `sha256=${hmac(raw).toUpperCase()}`, secret)).toBe(true);
  });

  it('refuses another secret, other bytes, a missing or malformed header, a missing body', () => {
    expect(verifySignature(raw, `sha256=${hmac(raw, 'other')}`, secret)).toBe(false);
    expect(verifySignature(Buffer.from(raw.toString().replace('[]', '[ ]')), `sha256=${hmac(raw)}`, secret)).toBe(false);
    expect(verifySignature(raw, undefined, secret)).toBe(false);
    expect(verifySignature(raw, hmac(raw), secret)).toBe(false);
    expect(verifySignature(raw, `sha1=${hmac(raw)}`, secret)).toBe(false);
    expect(verifySignature(raw, `sha256=${hmac(raw).slice(0, 40)}`, secret)).toBe(false);
    expect(verifySignature(undefined, `sha256=${hmac(raw)}`, secret)).toBe(false);
  });
});

describe('sameSecret', () => {
  it('compares whole strings only', () => {
    expect(sameSecret('verify-me', 'verify-me')).toBe(true);
    expect(sameSecret('verify-m', 'verify-me')).toBe(false);
    expect(sameSecret(['verify-me'], 'verify-me')).toBe(false);
    expect(sameSecret(undefined, 'verify-me')).toBe(false);
  });
});
