import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, type FieldCipher } from '../../../src/security/field-cipher';
import { rememberingBlindIndexes } from '../../../src/storage/remembered-blind-index';

const keys = { current: { id: 'k1', key: randomBytes(32) }, indexSecret: 'index-secret' };

/** A cipher that counts how often each operation really ran. */
function counting(cipher: FieldCipher) {
  const calls = { encrypt: 0, decrypt: 0, messageRef: 0, blindIndex: 0 };
  const counted: FieldCipher = {
    currentKeyId: cipher.currentKeyId,
    encrypt: (p) => (calls.encrypt++, cipher.encrypt(p)),
    decrypt: (s) => (calls.decrypt++, cipher.decrypt(s)),
    needsRotation: (s) => cipher.needsRotation(s),
    messageRef: (c, id) => (calls.messageRef++, cipher.messageRef(c, id)),
    blindIndex: (p) => (calls.blindIndex++, cipher.blindIndex(p)),
  };
  return { counted, calls };
}

describe('the remembering field cipher', () => {
  it('gives the same results as the cipher, computing each deterministic one once', () => {
    const plain = createFieldCipher(keys);
    const { counted, calls } = counting(plain);
    const remembering = rememberingBlindIndexes(counted);
    expect(remembering.messageRef('telegram', '42')).toBe(plain.messageRef('telegram', '42'));
    expect(remembering.messageRef('telegram', '42')).toBe(plain.messageRef('telegram', '42'));
    expect(remembering.messageRef('whatsapp', '42')).toBe(plain.messageRef('whatsapp', '42'));
    expect(calls.messageRef).toBe(2);
    expect(remembering.blindIndex('telegram:7')).toBe(plain.blindIndex('telegram:7'));
    remembering.blindIndex('telegram:7');
    expect(calls.blindIndex).toBe(1);
  });

  it('encrypts with a fresh IV every time, and reads back what it wrote without decrypting again', () => {
    const { counted, calls } = counting(createFieldCipher(keys));
    const remembering = rememberingBlindIndexes(counted);
    const a = remembering.encrypt('chat-1');
    const b = remembering.encrypt('chat-1');
    expect(a).not.toBe(b);
    expect(remembering.decrypt(a)).toBe('chat-1');
    expect(remembering.decrypt(b)).toBe('chat-1');
    expect(calls.decrypt).toBe(0);
    // A value written by another process is decrypted once, then remembered.
    const other = createFieldCipher(keys).encrypt('chat-2');
    expect(remembering.decrypt(other)).toBe('chat-2');
    expect(remembering.decrypt(other)).toBe('chat-2');
    expect(calls.decrypt).toBe(1);
  });

  it('does not remember long values, nor a value that fails to decrypt', () => {
    const { counted, calls } = counting(createFieldCipher(keys));
    const remembering = rememberingBlindIndexes(counted);
    const long = remembering.encrypt('x'.repeat(1000));
    expect(remembering.decrypt(long)).toBe('x'.repeat(1000));
    expect(remembering.decrypt(long)).toBe('x'.repeat(1000));
    expect(calls.decrypt).toBe(2);
    const foreign = createFieldCipher({ ...keys, current: { id: 'k9', key: randomBytes(32) } }).encrypt('chat-3');
    expect(() => remembering.decrypt(foreign)).toThrow(/k9/);
    expect(() => remembering.decrypt(foreign)).toThrow(/k9/);
  });

  it('forgets everything when full, and keeps answering right', () => {
    const remembering = rememberingBlindIndexes(createFieldCipher(keys), 2);
    const stored = ['a', 'b', 'c'].map((p) => remembering.encrypt(p));
    expect(stored.map((s) => remembering.decrypt(s))).toEqual(['a', 'b', 'c']);
  });
});
