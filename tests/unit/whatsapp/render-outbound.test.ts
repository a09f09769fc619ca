/** What the citizen reads on WhatsApp Web: numbered menus instead of (deprecated) buttons. */
import { describe, expect, it } from 'vitest';
import { renderOutboundText } from '../../../bots/whatsapp/render-outbound';

describe('outbound text', () => {
  it('is the text alone when there is nothing to choose', () => {
    expect(renderOutboundText({ text: 'Grazie della segnalazione.' })).toBe('Grazie della segnalazione.');
  });

  it('lists choices as a numbered menu after the question', () => {
    expect(renderOutboundText({ text: 'Che cosa vuoi segnalare?', choices: ['Degrado', 'Rumori', 'Altro'] })).toBe(
      'Che cosa vuoi segnalare?\n\n1. Degrado\n2. Rumori\n3. Altro',
    );
  });

  it('tells where the location pin is when a location is requested', () => {
    const text = renderOutboundText({ text: 'Dove si trova il problema?', requestLocation: true });
    expect(text).toBe('Dove si trova il problema?\n\n📎 → Posizione');
  });

  it('gives the hint in the language the message carries (English for an English dialog)', () => {
    const text = renderOutboundText({ text: 'Where is the problem?', requestLocation: true, language: 'en' });
    expect(text).toBe('Where is the problem?\n\n📎 → Location');
  });

  it('does not repeat the hint when the question already gives it', () => {
    const text = "Mandami la posizione (📎 › Posizione) oppure scrivi l'indirizzo.";
    expect(renderOutboundText({ text, requestLocation: true })).toBe(text);
  });
});
