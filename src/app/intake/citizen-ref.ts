/** Pseudonymous citizen reference: HMAC of channel + chat id with a server secret. Stable, not reversible. */
import { createHmac } from 'node:crypto';
import type { Channel } from '../../domain/message';

export type CitizenRefOf = (channel: Channel, chatId: string) => string;

export function citizenRefFactory(secret: string): CitizenRefOf {
  return (channel, chatId) => 'cit_' + createHmac('sha256', secret).update(`${channel}:${chatId}`).digest('base64url').slice(0, 22);
}
