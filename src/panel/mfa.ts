/**
 * Second factor for panel accounts: TOTP (RFC 6238: SHA-1, 6 digits, 30 s; what every authenticator
 * app reads from a QR code) through the otpauth library, and ten one-time recovery codes kept only
 * as SHA-256 hashes (they carry 60 random bits each, so a slow hash adds nothing). A TOTP code is
 * accepted once: the time step it was accepted at is stored and only later steps pass.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock off by up to 30 s still works. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export type Enrolment = { secretBase32: string; otpauthUrl: string; qrDataUrl: string };

function totpFor(secretBase32: string, account = 'operator', issuer = 'Vicinato') {
  return new TOTP({
    issuer,
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new secret (160 bits, as RFC 4226 recommends) with its otpauth:// URL and a QR code of it. */
export async function newEnrolment(account: string, issuer: string): Promise<Enrolment> {
  const secret = new Secret({ size: 20 });
  const otpauthUrl = totpFor(secret.base32, account, issuer).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 });
  return { secretBase32: secret.base32, otpauthUrl, qrDataUrl };
}

/** The time step `code` is valid at, or null. The caller must still make sure the step was not used before. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code (for tests and the demo's documentation, never sent anywhere). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}

/** Recovery codes as shown once to the operator: `XXXX-XXXX-XXXX`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** The stored form of a recovery code; case, spaces and dashes do not matter. */
export function recoveryCodeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`vicinato-recovery:${normal}`).digest('hex');
}

/** Looks like a recovery code rather than a TOTP code. */
export function isRecoveryCode(code: string): boolean {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '').length === 12;
}
