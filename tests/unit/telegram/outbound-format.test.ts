import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { commandMenu } from '../../../bots/telegram/commands';
import { replyMarkupFor } from '../../../bots/telegram/keyboard';
import { splitText } from '../../../bots/telegram/outbound-sender';
import { classifyApiError, normaliseApiRoot } from '../../../bots/telegram/telegram-api';

describe('reply keyboards', () => {
  it('offers each choice as a button that sends its label, hidden after use', () => {
    expect(replyMarkupFor({ text: 'Accetti?', choices: ['Accetto', 'Non accetto'] })).toEqual({
      keyboard: [[{ text: 'Accetto' }], [{ text: 'Non accetto' }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
  });

  it('puts many short labels two to a row, long ones one to a row', () => {
    const short = replyMarkupFor({ text: 'Categoria?', choices: ['Rifiuti', 'Lampioni', 'Vandalismo', 'Rumore', 'Altro'] });
    expect('keyboard' in short && short.keyboard.map((r) => r.length)).toEqual([2, 2, 1]);
    const long = replyMarkupFor({
      text: 'Categoria?',
      choices: ['Persone o veicoli sospetti', 'Spaccio di droga', 'Furto o tentato furto', 'Altro'],
    });
    expect('keyboard' in long && long.keyboard.map((r) => r.length)).toEqual([1, 1, 1, 1]);
  });

  it('adds the send-my-location button in the language the message carries', () => {
    const it_ = replyMarkupFor({ text: '📍 Dove? Mandami la posizione oppure scrivi l’indirizzo.', requestLocation: true });
    expect(it_).toEqual({
      keyboard: [[{ text: '📍 Invia la mia posizione', request_location: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    const en = replyMarkupFor({ text: '📍 Where? Send me the location or type the address.', requestLocation: true, choices: ['Back'], language: 'en' });
    expect('keyboard' in en && en.keyboard).toEqual([[{ text: '📍 Send my location', request_location: true }], [{ text: 'Back' }]]);
  });

  it('removes the keyboard when a message offers nothing to tap', () => {
    expect(replyMarkupFor({ text: 'Grazie!' })).toEqual({ remove_keyboard: true });
    expect(replyMarkupFor({ text: 'Grazie!', choices: [] })).toEqual({ remove_keyboard: true });
  });
});

describe('texts', () => {
  it('never guesses the language from the words: the message says it (Italian when it does not)', () => {
    const english = '📍 Where? Send me the location or type the address.';
    const label = (m: Parameters<typeof replyMarkupFor>[0]) => {
      const markup = replyMarkupFor(m);
      if (!('keyboard' in markup)) return undefined;
      const button = markup.keyboard[0]![0]!;
      return typeof button === 'string' ? button : button.text;
    };
    expect(label({ text: english, requestLocation: true })).toBe('📍 Invia la mia posizione');
    expect(label({ text: 'Dove? Mandami la posizione', requestLocation: true, language: 'en' })).toBe('📍 Send my location');
  });

  it('splits texts over 4096 characters on a space, losing nothing', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `parola${i}`).join(' ');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ')).toBe(text);
    expect(splitText('breve')).toEqual(['breve']);
    // No space to cut at, and an emoji across the limit: it moves whole to the next part.
    expect(splitText(`${'a'.repeat(4095)}😀b`)).toEqual(['a'.repeat(4095), '😀b']);
  });

  it('has the same six commands in Italian and English, each described', () => {
    const it_ = commandMenu('it');
    const en = commandMenu('en');
    expect(it_.map((c) => c.command)).toEqual(['start', 'annulla', 'stato', 'aiuto', 'privacy', 'lingua']);
    expect(en.map((c) => c.command)).toEqual(it_.map((c) => c.command));
    expect(en.find((c) => c.command === 'annulla')?.description).toBe('Cancel the current report');
    expect(it_.find((c) => c.command === 'annulla')?.description).toBe('Annulla la segnalazione in corso');
  });
});

describe('Bot API errors', () => {
  const error = (code: number, description: string, retry_after?: number) =>
    new TelegramError({ error_code: code, description, ...(retry_after ? { parameters: { retry_after } } : {}) });

  it('reads what each answer means for a message', () => {
    expect(classifyApiError(error(429, 'Too Many Requests: retry after 7', 7))).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(classifyApiError(error(403, 'Forbidden: bot was blocked by the user')).kind).toBe('forbidden');
    expect(classifyApiError(error(400, 'Bad Request: chat not found')).kind).toBe('chat_not_found');
    expect(classifyApiError(error(400, 'Bad Request: message text is empty')).kind).toBe('rejected');
    expect(classifyApiError(error(502, 'Bad Gateway')).kind).toBe('transient');
    expect(classifyApiError(new Error('socket hang up')).kind).toBe('transient');
  });

  it('keeps the path of an API root', () => {
    expect(normaliseApiRoot('http://127.0.0.1:8081/tg')).toBe('http://127.0.0.1:8081/tg/');
    expect(normaliseApiRoot('https://api.telegram.org/')).toBe('https://api.telegram.org/');
  });
});
