/** A Cloud API webhook message -> the one InboundMessage shape the pipeline knows. */
import type { InboundMessage, InboundPayload } from '../../src/domain/message';
import { answerFromReply } from './outbound-payload';
import type { MessagesValue, WaMessage } from './webhook.schema';

/** What the dialog gets for a message without a photo to download (images go through media-download). */
export function payloadOf(msg: WaMessage): InboundPayload {
  switch (msg.type) {
    case 'text':
      return { kind: 'text', text: msg.text!.body };
    case 'location': {
      const { latitude, longitude, name, address } = msg.location!;
      const label = [name, address].filter((s) => s && s.trim()).join(', ');
      return { kind: 'location', point: { lat: latitude, lng: longitude }, ...(label ? { label } : {}) };
    }
    case 'interactive': {
      const reply = msg.interactive?.button_reply ?? msg.interactive?.list_reply;
      return reply
        ? { kind: 'text', text: answerFromReply(reply) }
        : { kind: 'other', platformType: `interactive:${msg.interactive?.type}` };
    }
    case 'button': // a template's quick-reply button
      return { kind: 'text', text: msg.button!.text };
    default:
      // audio, video, document, sticker, contacts, reaction, order, unsupported...
      return { kind: 'other', platformType: msg.type };
  }
}

/** Meta's timestamp (Unix seconds) when present and sane; arrival time otherwise. */
export function receivedAtOf(msg: WaMessage, now: Date): Date {
  const seconds = Number(msg.timestamp);
  if (!msg.timestamp || !Number.isFinite(seconds) || seconds <= 0) return now;
  const at = new Date(seconds * 1000);
  // A clock far in the future would reorder the chat and keep the 24-hour window open: cap it.
  return at.getTime() > now.getTime() ? now : at;
}

export function toInboundMessage(msg: WaMessage, contacts: MessagesValue['contacts'], payload: InboundPayload, now: Date): InboundMessage {
  const contact = contacts?.find((c) => c.wa_id === msg.from) ?? (contacts?.length === 1 ? contacts[0] : undefined);
  const displayName = contact?.profile?.name?.trim();
  return {
    channel: 'whatsapp-cloud',
    chatId: msg.from,
    messageId: msg.id,
    receivedAt: receivedAtOf(msg, now),
    sender: { platformId: msg.from, phone: msg.from, ...(displayName ? { displayName } : {}) },
    payload,
  };
}
