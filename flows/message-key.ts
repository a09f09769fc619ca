/**
 * The key a report, confirmation, answer or subscription keeps of the citizen's message that made
 * it: stable (a retried turn finds its own work) but not the platform's id itself, because a
 * WhatsApp message id contains the sender's phone number ("false_39333...@c.us_3EB0...").
 */
import { createHash } from 'node:crypto';
import type { InboundMessage } from '../src/domain/message';

export function messageKey(message: Pick<InboundMessage, 'channel' | 'messageId'>): string {
  return `${message.channel}:${createHash('sha256').update(message.messageId).digest('base64url').slice(0, 22)}`;
}
