/**
 * The field cipher with its blind indexes remembered: an index is an HMAC of a chat (or another
 * looked-up value) and every inbound message asks for its chat's several times (store, list pending,
 * conversation, replies). The index is deterministic, so remembering it changes nothing but the CPU;
 * the memory is bounded (emptied when full).
 */
import type { FieldCipher } from '../security/field-cipher';

export function rememberingBlindIndexes(cipher: FieldCipher, max = 20_000): FieldCipher {
  const known = new Map<string, string>();
  return {
    get currentKeyId() {
      return cipher.currentKeyId;
    },
    encrypt: (plain) => cipher.encrypt(plain),
    decrypt: (stored) => cipher.decrypt(stored),
    needsRotation: (stored) => cipher.needsRotation(stored),
    messageRef: (channel, platformMessageId) => cipher.messageRef(channel, platformMessageId),
    blindIndex(plain) {
      let index = known.get(plain);
      if (index === undefined) {
        index = cipher.blindIndex(plain);
        if (known.size >= max) known.clear();
        known.set(plain, index);
      }
      return index;
    },
  };
}
