/**
 * How the service stores chat ids and platform message ids (encrypted, or as keyed references:
 * src/security/field-cipher.ts), so a test can look a raw document up by the values it sent.
 */
import type { Config } from '../../config/env';
import { fieldCipherFromSettings, localFieldCipher, type FieldCipher } from '../../src/security/field-cipher';

export function storedKeys(
  config?: Pick<Config, 'CITIZEN_REF_SECRET' | 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_KEY_ID' | 'DATA_ENCRYPTION_OLD_KEYS'>,
) {
  const cipher: FieldCipher = config ? fieldCipherFromSettings(config) : localFieldCipher();
  return {
    cipher,
    /** The `chatKey` of a chat in inbox_messages, outbound_messages, conversations and citizen_identities. */
    chatKey: (channel: string, chatId: string | number) => cipher.blindIndex(`${channel}:${chatId}`),
    /** The stored `messageId` of an inbound message (and `inReplyTo` of the replies to it). */
    messageRef: (channel: string, messageId: string) => cipher.messageRef(channel, messageId),
    /** The stored `platformMessageId` of a sent message. */
    sentRef: (platformMessageId: string) => cipher.messageRef('sent', platformMessageId),
  };
}
