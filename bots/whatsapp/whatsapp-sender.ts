/**
 * Sends outbound messages through the connected WhatsApp Web client. While the client is not
 * connected (waiting for a QR scan, reconnecting) a message waits in its queue without using up
 * its attempts; a failed send throws, so the job is retried with backoff.
 */
import { RateLimitedError, type ChannelSender } from '../../src/domain/ports';
import { renderOutboundText } from './render-outbound';
import type { WhatsappClientLike } from './whatsapp-client';

/** How long a message waits before trying again while WhatsApp Web is not connected. */
const NOT_CONNECTED_RETRY_MS = 5_000;

export function createWhatsappSender(connected: () => { client?: WhatsappClientLike; state: string }): ChannelSender {
  return {
    channel: 'whatsapp',
    async send(msg) {
      const { client, state } = connected();
      if (!client) throw new RateLimitedError(`WhatsApp Web is not connected (state: ${state})`, NOT_CONNECTED_RETRY_MS);
      // No link previews: WhatsApp Web would fetch every link from this server.
      const sent = await client.sendMessage(msg.chatId, renderOutboundText(msg), { linkPreview: false });
      if (!sent) throw new Error('WhatsApp Web refused to send to this chat');
      return { platformMessageId: sent.id?._serialized };
    },
  };
}
