/**
 * The field cipher with its deterministic results remembered: a blind index is an HMAC of a chat (or
 * another looked-up value), a message reference an HMAC of a platform id, and every inbound message
 * asks for its chat's and its own several times (store, list pending, conversation, replies, mark
 * processed). Decryption is remembered too, by the stored value: the chat id a job just encrypted
 * (its inbox entry, its replies) is read back by the same process moments later. A stored value
 * always decrypts to the same plain value, so remembering changes nothing but the CPU; the plain
 * values are those this process handles anyway, and each memory is bounded (emptied when full).
 * Encryption itself is never remembered: every value gets a fresh IV.
 */
import type { FieldCipher } from '../security/field-cipher';

/** Only short values (chat ids, names) are remembered: the memory stays small whatever is encrypted. */
const REMEMBERED_MAX_CHARS = 256;

function boundedMemory(max: number) {
  const known = new Map<string, string>();
  return {
    get: (key: string) => known.get(key),
    set(key: string, value: string) {
      if (known.size >= max) known.clear();
      known.set(key, value);
    },
  };
}

export function rememberingBlindIndexes(cipher: FieldCipher, max = 20_000): FieldCipher {
  const indexes = boundedMemory(max);
  const refs = boundedMemory(max);
  const plains = boundedMemory(max);
  return {
    get currentKeyId() {
      return cipher.currentKeyId;
    },
    encrypt(plain) {
      const stored = cipher.encrypt(plain);
      if (stored.length <= REMEMBERED_MAX_CHARS) plains.set(stored, plain);
      return stored;
    },
    decrypt(stored) {
      if (stored.length > REMEMBERED_MAX_CHARS) return cipher.decrypt(stored);
      let plain = plains.get(stored);
      if (plain === undefined) {
        plain = cipher.decrypt(stored);
        plains.set(stored, plain);
      }
      return plain;
    },
    needsRotation: (stored) => cipher.needsRotation(stored),
    messageRef(channel, platformMessageId) {
      const key = `${channel}\u0000${platformMessageId}`;
      let ref = refs.get(key);
      if (ref === undefined) {
        ref = cipher.messageRef(channel, platformMessageId);
        refs.set(key, ref);
      }
      return ref;
    },
    blindIndex(plain) {
      let index = indexes.get(plain);
      if (index === undefined) {
        index = cipher.blindIndex(plain);
        indexes.set(plain, index);
      }
      return index;
    },
  };
}
