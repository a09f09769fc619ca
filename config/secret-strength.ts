/**
 * Production refuses weak secrets: too short, a known development or placeholder value, or too
 * little entropy (estimated from the characters' frequencies, so `aaaa…` or `abcabc…` fail while
 * `openssl rand -base64 32` passes). One rule per secret setting; every secret the service reads
 * belongs in PRODUCTION_SECRETS.
 */

/** Secret settings checked in production, with their minimum length. */
export const PRODUCTION_SECRETS = {
  SESSION_SECRET: 32,
  CITIZEN_REF_SECRET: 32,
  TELEGRAM_WEBHOOK_SECRET: 32,
  WHATSAPP_APP_SECRET: 32,
  WHATSAPP_VERIFY_TOKEN: 24,
  OPEN311_API_KEY: 24,
  READYZ_TOKEN: 32,
  DATA_ENCRYPTION_KEY: 44,
} as const satisfies Record<string, number>;

/** Estimated bits a secret must carry (a random 32-character hex string gives about 110). */
export const MIN_SECRET_BITS = 96;

/** Words that mark a value as a development default, a test value or a placeholder. */
const PLACEHOLDER_WORDS = [
  'dev-only',
  'development',
  'test',
  'demo',
  'bench',
  'example',
  'changeme',
  'change-me',
  'secret',
  'password',
  'vicinato',
];

/** Shannon entropy of the value's own character frequencies, times its length. */
export function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...value].length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  return perChar * n;
}

/** Why `value` is not acceptable as a production secret, or undefined. */
export function secretProblem(value: string, minLength: number): string | undefined {
  if (value.length < minLength) return `must be at least ${minLength} characters in production (e.g. openssl rand -base64 32)`;
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word)
    return `looks like a development or placeholder value ("${word}"): set a random one in production (e.g. openssl rand -base64 32)`;
  if (estimatedBits(value) < MIN_SECRET_BITS)
    return 'is too predictable (too few different characters): set a random one in production (e.g. openssl rand -base64 32)';
  return undefined;
}
