import { describe, expect, it } from 'vitest';
import { planUpdate } from '../../../bots/telegram/update-to-inbound';
import { updateSchema } from '../../../bots/telegram/update.schema';

const NOW = new Date('2026-03-02T10:00:00Z');
const from = { id: 4242, is_bot: false, first_name: 'Maria', last_name: 'Rossi', username: 'mrossi', language_code: 'it' };
const chat = { id: 4242, type: 'private', first_name: 'Maria' };
const date = Math.floor(Date.parse('2026-03-02T09:59:58Z') / 1000);

const plan = (update: unknown) => planUpdate(updateSchema.parse(update), NOW);
const message = (content: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
  plan({ update_id: 10, message: { message_id: 7, date, chat, from, ...content, ...overrides } });

describe('planUpdate: private messages become InboundMessages', () => {
  it('keeps who wrote, when, and a dedup key that is the same on every redelivery', () => {
    const p = message({ text: 'C’è un lampione spento' });
    expect(p).toEqual({
      kind: 'inbound',
      message: {
        channel: 'telegram',
        chatId: '4242',
        messageId: '4242:7',
        sender: { platformId: '4242', displayName: 'Maria Rossi', username: 'mrossi', languageCode: 'it' },
        receivedAt: new Date(date * 1000),
        payload: { kind: 'text', text: 'C’è un lampione spento' },
      },
    });
    // A different update_id for the same message (Telegram resending it) is the same inbox key.
    const again = plan({ update_id: 99, message: { message_id: 7, date, chat, from, text: 'C’è un lampione spento' } });
    expect(again.kind === 'inbound' && again.message.messageId).toBe('4242:7');
  });

  it('turns commands into the words the dialog understands', () => {
    const text = (t: string, lang = 'it') => {
      const p = message({ text: t }, { from: { ...from, language_code: lang } });
      return p.kind === 'inbound' && p.message.payload.kind === 'text' ? p.message.payload.text : undefined;
    };
    expect(text('/annulla')).toBe('annulla');
    expect(text('/stato@VicinatoBot')).toBe('stato');
    expect(text('/aiuto')).toBe('aiuto');
    expect(text('/privacy')).toBe('privacy');
    expect(text('/lingua')).toBe('lingua');
    expect(text('/start')).toBe('ciao');
    expect(text('/start', 'en-GB')).toBe('hello');
    expect(text('/start qr-code-poster')).toBe('ciao');
    expect(text('/cancel', 'en')).toBe('cancel');
    // Not one of ours: passed on as written, the dialog answers it.
    expect(text('/pizza')).toBe('/pizza');
  });

  it('reads a location pin, and a venue with its name and address', () => {
    expect(message({ location: { latitude: 43.8414, longitude: 10.5731 } })).toMatchObject({
      kind: 'inbound',
      message: { payload: { kind: 'location', point: { lat: 43.8414, lng: 10.5731 } } },
    });
    const venue = message({
      location: { latitude: 43.84, longitude: 10.57 },
      venue: { title: 'Municipio', address: 'Piazza Aldo Moro 1', location: { latitude: 43.84, longitude: 10.57 } },
    });
    expect(venue).toMatchObject({
      message: { payload: { kind: 'location', point: { lat: 43.84, lng: 10.57 }, label: 'Municipio, Piazza Aldo Moro 1' } },
    });
  });

  it('asks for the largest size of a photo and keeps its caption', () => {
    const p = message({
      caption: '  rifiuti dietro la scuola ',
      photo: [
        { file_id: 'small', file_unique_id: 'a', width: 90, height: 60, file_size: 900 },
        { file_id: 'large', file_unique_id: 'c', width: 1280, height: 853, file_size: 120_000 },
        { file_id: 'medium', file_unique_id: 'b', width: 320, height: 213, file_size: 9_000 },
      ],
    });
    expect(p).toMatchObject({
      kind: 'inbound',
      media: { fileId: 'large', fileSize: 120_000, caption: 'rifiuti dietro la scuola' },
      message: { payload: { kind: 'photo', caption: 'rifiuti dietro la scuola' } },
    });
  });

  it('treats an image sent as a file as a photo, and other files as something the dialog cannot use', () => {
    const image = message({
      document: {
        file_id: 'doc1',
        file_unique_id: 'd',
        file_name: 'IMG_2031.HEIC',
        mime_type: 'application/octet-stream',
        file_size: 2_000_000,
      },
    });
    expect(image).toMatchObject({
      kind: 'inbound',
      media: { fileId: 'doc1', fileSize: 2_000_000 },
      message: { payload: { kind: 'photo' } },
    });
    const png = message({ document: { file_id: 'doc2', file_unique_id: 'e', file_name: 'scan', mime_type: 'image/png' } });
    expect(png).toMatchObject({ media: { fileId: 'doc2' } });
    const pdf = message({ document: { file_id: 'doc3', file_unique_id: 'f', file_name: 'verbale.pdf', mime_type: 'application/pdf' } });
    expect(pdf).toMatchObject({ kind: 'inbound', message: { payload: { kind: 'other', platformType: 'document' } } });
    expect(pdf.kind === 'inbound' && pdf.media).toBeFalsy();
  });

  it('names stickers, voice notes, videos and GIFs instead of guessing their content', () => {
    const type = (content: Record<string, unknown>) => {
      const p = message(content);
      return p.kind === 'inbound' && p.message.payload.kind === 'other' ? p.message.payload.platformType : p.kind;
    };
    expect(type({ sticker: { file_id: 's' } })).toBe('sticker');
    expect(type({ voice: { file_id: 'v', duration: 3 } })).toBe('voice');
    expect(type({ video: { file_id: 'v', duration: 3 } })).toBe('video');
    // A GIF carries a `document` too: it is still not a photo.
    expect(type({ animation: { file_id: 'g' }, document: { file_id: 'g', file_unique_id: 'g', mime_type: 'video/mp4' } })).toBe(
      'animation',
    );
    expect(type({ contact: { phone_number: '+39 333 0000000', first_name: 'X' } })).toBe('contact');
  });

  it('ignores service messages and messages from bots', () => {
    expect(message({ pinned_message: { message_id: 3 } }).kind).toBe('ignore');
    expect(message({ text: 'hi' }, { from: { ...from, is_bot: true } }).kind).toBe('ignore');
  });
});

describe('planUpdate: groups, buttons and blocks', () => {
  it('stores nothing from a group: only a notice for that group', () => {
    const p = plan({
      update_id: 11,
      message: { message_id: 3, date, chat: { id: -1001, type: 'supergroup', title: 'Vicini' }, from, text: 'furto in via Roma' },
    });
    expect(p).toEqual({ kind: 'group-notice', chatId: '-1001' });
    const added = plan({
      update_id: 12,
      my_chat_member: { chat: { id: -1001, type: 'group' }, from, date, new_chat_member: { status: 'member' } },
    });
    expect(added).toEqual({ kind: 'group-notice', chatId: '-1001' });
  });

  it('turns a button tap into the text of its data, keyed by the callback query id', () => {
    const p = plan({
      update_id: 13,
      callback_query: { id: '8812', from, chat_instance: 'x', data: 'Accetto', message: { message_id: 5, date, chat } },
    });
    expect(p).toMatchObject({
      kind: 'inbound',
      callbackQueryId: '8812',
      message: { chatId: '4242', messageId: 'cb:8812', receivedAt: NOW, payload: { kind: 'text', text: 'Accetto' } },
    });
  });

  it('answers but ignores a button tap without data', () => {
    const p = plan({ update_id: 14, callback_query: { id: '8813', from, chat_instance: 'x', message: { message_id: 5, date, chat } } });
    expect(p).toMatchObject({ kind: 'ignore', callbackQueryId: '8813' });
  });

  it('notices a citizen blocking the bot', () => {
    const p = plan({ update_id: 15, my_chat_member: { chat, from, date, new_chat_member: { status: 'kicked' } } });
    expect(p).toEqual({ kind: 'blocked', chatId: '4242' });
  });

  it('refuses shapes that are not Telegram updates', () => {
    expect(updateSchema.safeParse({ message: { text: 'x' } }).success).toBe(false);
    expect(updateSchema.safeParse({ update_id: 1, message: { message_id: 1, date, chat: { id: 'abc', type: 'private' } } }).success).toBe(
      false,
    );
  });
});

describe('voice notes', () => {
  const voice = { file_id: 'VOICE-1', file_unique_id: 'v1', duration: 7, mime_type: 'audio/ogg', file_size: 9000 };
  const planWith = (content: Record<string, unknown>, voiceNotes: boolean) =>
    planUpdate(updateSchema.parse({ update_id: 11, message: { message_id: 8, date, chat, from, ...content } }), NOW, { voiceNotes });

  it('without a speech-to-text server a voice note stays "other" and nothing is fetched', () => {
    const p = planWith({ voice }, false);
    expect(p).toMatchObject({ kind: 'inbound', message: { payload: { kind: 'other', platformType: 'voice' } } });
    expect(p.kind === 'inbound' && p.media).toBeFalsy();
  });

  it('with one, a voice note or an audio file is audio, with its file and declared duration to check before download', () => {
    const p = planWith({ voice }, true);
    expect(p).toMatchObject({
      kind: 'inbound',
      message: { payload: { kind: 'audio', voice: true, seconds: 7 } },
      media: { fileId: 'VOICE-1', fileSize: 9000, audio: { voice: true, seconds: 7 } },
    });
    const a = planWith({ audio: { ...voice, file_id: 'AUDIO-1' } }, true);
    expect(a).toMatchObject({ message: { payload: { kind: 'audio', voice: false } }, media: { fileId: 'AUDIO-1' } });
    expect(planWith({ video_note: { file_id: 'x' } }, true)).toMatchObject({ message: { payload: { kind: 'other' } } });
  });
});
