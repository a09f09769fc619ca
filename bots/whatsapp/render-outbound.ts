/**
 * OutboundMessage -> the one text WhatsApp Web sends. whatsapp-web.js's Buttons and List are
 * deprecated (WhatsApp drops them), so choices become a numbered menu the dialog understands
 * ("2", "due", or the label itself), and a location request becomes a hint to the attach menu.
 */
import type { Language, OutboundMessage } from '../../src/domain/message';
import { promptsFor } from '../../src/texts/citizen';

/** Where WhatsApp hides "send a pin" (the paper clip, then "Posizione" / "Location"), in the message's language. */
export const LOCATION_HINTS: Record<Language, string> = {
  it: promptsFor('it').channels.whatsappLocationHint,
  en: promptsFor('en').channels.whatsappLocationHint,
};
export const LOCATION_HINT = LOCATION_HINTS.it;

export function renderOutboundText(msg: Pick<OutboundMessage, 'text' | 'choices' | 'requestLocation' | 'language'>): string {
  const parts = [msg.text.trim()];
  if (msg.choices?.length) parts.push(msg.choices.map((label, i) => `${i + 1}. ${label}`).join('\n'));
  // The dialog's own question may already say where the pin is.
  if (msg.requestLocation && !msg.text.includes('📎')) parts.push(LOCATION_HINTS[msg.language ?? 'it']);
  return parts.filter(Boolean).join('\n\n');
}
