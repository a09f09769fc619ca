/**
 * The first message's language decides the welcome's: an English speaker writing on WhatsApp (which
 * tells us nothing) is answered in English; an Italian whose Telegram app is in English, in Italian.
 */
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../src/dialog/restore';
import type { InboundMessage } from '../../../src/domain/message';
import { languageOfText } from '../../../src/nlp/text-language';

const message = (payload: InboundMessage['payload'], languageCode?: string): InboundMessage => ({
  channel: 'whatsapp-cloud',
  chatId: '447700900123',
  messageId: 'm1',
  sender: { platformId: '447700900123', ...(languageCode ? { languageCode } : {}) },
  receivedAt: new Date(),
  payload,
});

describe('the language of a citizen’s own words', () => {
  it.each([
    ['Hello', 'en'],
    ['hi, there is a huge pothole in via Roma', 'en'],
    ['someone dumped a mattress near the school', 'en'],
    ['the street light outside my house has been broken for a week', 'en'],
    ['Ciao', 'it'],
    ['ci sono sacchi di rifiuti abbandonati in via Carlo Piaggia a Capannori da tre giorni', 'it'],
    ['buca enorme davanti alla scuola', 'it'],
    ['c è un tizio che spaccia davanti alla stazione tutte le sere', 'it'],
  ] as const)('%s → %s', (text, expected) => {
    expect(languageOfText(text)).toBe(expected);
  });

  it.each(['ok', 'foto', 'Via Roma 12', 'SOS', '👍', 'Capannori', 'no'])('decides nothing on %s', (text) => {
    expect(languageOfText(text)).toBeUndefined();
  });

  it('the words win over the app’s language, and the app’s language over the default', () => {
    expect(languageOf(message({ kind: 'text', text: 'there is broken glass all over the playground' }))).toBe('en');
    expect(languageOf(message({ kind: 'text', text: 'ci sono vetri rotti nel parco giochi' }, 'en-GB'))).toBe('it');
    expect(languageOf(message({ kind: 'photo', caption: 'abandoned car with the windows smashed' }))).toBe('en');
    expect(languageOf(message({ kind: 'text', text: 'ok' }, 'en'))).toBe('en');
    expect(languageOf(message({ kind: 'text', text: 'ok' }))).toBe('it');
    expect(languageOf(message({ kind: 'location', point: { lat: 43.8, lng: 10.6 } }))).toBe('it');
  });
});
