/**
 * Encryption of personal data at rest: AES-256-GCM per field, with the key id inside each value so
 * keys can rotate (new values use the current key; values under an older key stay readable while
 * that key is listed in DATA_ENCRYPTION_OLD_KEYS, and `npm run rotate-data-key` re-encrypts them).
 * Lookups by an encrypted value go through a blind index: an HMAC of the plain value under a key
 * derived from CITIZEN_REF_SECRET, which is stable across encryption-key rotations.
 *
 * Stored form: `enc1:<keyId>:<base64url(iv 12 bytes | tag 16 bytes | ciphertext)>`.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type FieldCipher = {
  /** The id of the key new values are encrypted with. */
  readonly currentKeyId: string;
  encrypt(plain: string): string;
  /** The plain value; a value that is not encrypted (written before encryption existed) is returned as it is. */
  decrypt(stored: string): string;
  /** true when `stored` was written under another key than the current one. */
  needsRotation(stored: string): boolean;
  /** A deterministic, non-reversible lookup key for `plain` (same input, same output). */
  blindIndex(plain: string): string;
  /**
   * A platform's message id made safe to store: WhatsApp and Telegram ids carry the phone number or
   * the user id. Idempotent (a value that is already a reference is returned as it is), so a
   * stored reference can be looked up again through the same function.
   */
  messageRef(channel: string, platformMessageId: string): string;
};

const MESSAGE_REF_PREFIX = 'm~';

export type FieldCipherKeys = {
  current: { id: string; key: Buffer };
  old?: { id: string; key: Buffer }[];
  /** Secret the blind index key is derived from. */
  indexSecret: string;
};

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

export function createFieldCipher(keys: FieldCipherKeys): FieldCipher {
  const byId = new Map<string, Buffer>([
    [keys.current.id, keys.current.key],
    ...(keys.old ?? []).map((k) => [k.id, k.key] as [string, Buffer]),
  ]);
  for (const [id, key] of byId) {
    if (key.length !== 32) throw new Error(`data encryption key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new Error(`data encryption key id "${id}" must be 1-16 of A-Z a-z 0-9 _ -`);
  }
  const indexKey = Buffer.from(hkdfSync('sha256', keys.indexSecret, 'vicinato', 'blind-index-v1', 32));
  return {
    currentKeyId: keys.current.id,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
      // The key id is authenticated too: a value cannot be moved under another key's label.
      cipher.setAAD(Buffer.from(keys.current.id));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}:${keys.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(stored) {
      if (!isEncrypted(stored)) return stored;
      const [, keyId, payload] = stored.split(':');
      const key = byId.get(keyId);
      if (!key) throw new Error(`data encryption key "${keyId}" is not configured (DATA_ENCRYPTION_OLD_KEYS)`);
      const raw = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    needsRotation(stored) {
      return isEncrypted(stored) && stored.split(':')[1] !== keys.current.id;
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('base64url').slice(0, 32);
    },
    messageRef(channel, platformMessageId) {
      const id = String(platformMessageId);
      if (id.startsWith(MESSAGE_REF_PREFIX)) return id;
      return MESSAGE_REF_PREFIX + createHmac('sha256', indexKey).update(`message:${channel}:${id}`).digest('base64url').slice(0, 27);
    },
  };
}

/** Parses `id:base64,id:base64` (DATA_ENCRYPTION_OLD_KEYS). */
export function parseKeyList(list: string | undefined): { id: string; key: Buffer }[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      return { id: entry.slice(0, at), key: Buffer.from(entry.slice(at + 1), 'base64') };
    });
}

/**
 * The cipher from the settings. Outside production, without DATA_ENCRYPTION_KEY, a key is derived
 * from CITIZEN_REF_SECRET so the demo and the tests encrypt too; production refuses to start
 * without a key of its own (config/env.ts).
 */
export function fieldCipherFromSettings(s: {
  DATA_ENCRYPTION_KEY?: string;
  DATA_ENCRYPTION_KEY_ID: string;
  DATA_ENCRYPTION_OLD_KEYS?: string;
  CITIZEN_REF_SECRET: string;
}): FieldCipher {
  const key = s.DATA_ENCRYPTION_KEY
    ? Buffer.from(s.DATA_ENCRYPTION_KEY, 'base64')
    : Buffer.from(hkdfSync('sha256', s.CITIZEN_REF_SECRET, 'vicinato', 'development-data-key', 32));
  return createFieldCipher({
    current: { id: s.DATA_ENCRYPTION_KEY_ID, key },
    old: parseKeyList(s.DATA_ENCRYPTION_OLD_KEYS),
    indexSecret: s.CITIZEN_REF_SECRET,
  });
}

/** A cipher for tests and tools that build storage without settings. */
export function localFieldCipher(secret = 'local-development-only-secret-0000000000'): FieldCipher {
  return fieldCipherFromSettings({ DATA_ENCRYPTION_KEY_ID: 'dev', CITIZEN_REF_SECRET: secret });
}
