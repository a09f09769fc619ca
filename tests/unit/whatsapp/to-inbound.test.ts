/** whatsapp-web.js messages -> the one inbound shape: what is kept, what is ignored, what is "other". */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoreReason, phoneFromJid, toInboundMessage, toPayload } from '../../../bots/whatsapp/to-inbound';
import { createDiskMediaStore } from '../../../src/storage/media-store';
import { jpegMedia, waMessage } from '../../support/fake-whatsapp-client';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wa-media-'));
const media = createDiskMediaStore(dir, 1024 * 1024);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CITIZEN = '393331234567@c.us';
const jpeg = () =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();

describe('which WhatsApp messages the bot answers', () => {
  it('answers private messages, including from @lid senders', () => {
    expect(ignoreReason(waMessage.text(CITIZEN, 'ciao'))).toBeUndefined();
    expect(ignoreReason(waMessage.text('123456789012345@lid', 'ciao'))).toBeUndefined();
  });

  it('ignores groups, status updates, broadcasts, its own messages and system notices', () => {
    expect(ignoreReason(waMessage.inGroup('120363025555555555@g.us', CITIZEN, 'ciao a tutti'))).toBe('group');
    expect(ignoreReason(waMessage.status(CITIZEN, 'in vacanza'))).toBe('status');
    expect(ignoreReason({ ...waMessage.text(CITIZEN, 'x'), fromMe: true })).toBe('own');
    expect(ignoreReason({ ...waMessage.text('1234@broadcast', 'x'), broadcast: true })).toBe('broadcast');
    expect(ignoreReason(waMessage.ofType(CITIZEN, 'e2e_notification'))).toBe('system');
    expect(ignoreReason(waMessage.ofType(CITIZEN, 'revoked'))).toBe('system');
  });
});

describe('message payloads', () => {
  it('text', async () => {
    expect(await toPayload(waMessage.text(CITIZEN, 'Lampione rotto'), media)).toEqual({ kind: 'text', text: 'Lampione rotto' });
  });

  it('location: string coordinates become numbers, name and address the label', async () => {
    const msg = waMessage.location(CITIZEN, 43.8412, 10.5731, { name: 'Piazza Aldo Moro', address: 'Capannori LU' });
    expect(await toPayload(msg, media)).toEqual({
      kind: 'location',
      point: { lat: 43.8412, lng: 10.5731 },
      label: 'Piazza Aldo Moro, Capannori LU',
    });
    expect(await toPayload(waMessage.location(CITIZEN, 43.5, 10.5), media)).toEqual({ kind: 'location', point: { lat: 43.5, lng: 10.5 } });
  });

  it('location without usable coordinates is not turned into a point', async () => {
    const msg = { ...waMessage.location(CITIZEN, 0, 0), location: { latitude: 'abc', longitude: '' } };
    expect(await toPayload(msg, media)).toEqual({ kind: 'other', platformType: 'location' });
  });

  it('image: downloaded, stored without metadata, referenced; caption kept', async () => {
    const payload = await toPayload(waMessage.image(CITIZEN, jpegMedia(await jpeg()), { caption: 'buca' }), media);
    expect(payload).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', caption: 'buca' });
    const ref = (payload as { mediaRef: string }).mediaRef;
    expect((await media.read(ref))?.mimeType).toBe('image/jpeg');
  });

  it.each([
    ['null', async () => null],
    ['undefined', async () => undefined],
    ['an exception', async () => Promise.reject(new Error('Evaluation failed'))],
    ['no data', async () => ({ mimetype: 'image/jpeg', data: '' })],
  ])('image whose download gives %s: a photo marked download_failed', async (_, download) => {
    expect(await toPayload(waMessage.image(CITIZEN, download), media)).toEqual({ kind: 'photo', failure: 'download_failed' });
  });

  it('image that is not an image: a photo marked not_an_image', async () => {
    const fake = { mimetype: 'image/jpeg', data: Buffer.from('MZ this is an exe').toString('base64') };
    expect(await toPayload(waMessage.image(CITIZEN, fake), media)).toEqual({ kind: 'photo', failure: 'not_an_image' });
  });

  it.each(['ptt', 'audio', 'video', 'document', 'sticker', 'vcard', 'multi_vcard', 'poll_creation'])(
    '%s: "other", named, never downloaded',
    async (type) => {
      const msg = { ...waMessage.ofType(CITIZEN, type), downloadMedia: () => Promise.reject(new Error('must not download')) };
      expect(await toPayload(msg, media)).toEqual({ kind: 'other', platformType: type });
    },
  );
});

describe('the inbound message', () => {
  it('keeps the jid to reply to, the serialized id as message id, the platform time', () => {
    const msg = waMessage.text('123456789012345@lid', 'ciao', { timestamp: 1_760_000_000 });
    const inbound = toInboundMessage(msg, { kind: 'text', text: 'ciao' }, { phone: '+393331234567' });
    expect(inbound).toEqual({
      channel: 'whatsapp',
      chatId: '123456789012345@lid',
      messageId: msg.id._serialized,
      sender: { platformId: '123456789012345@lid', phone: '+393331234567' },
      receivedAt: new Date(1_760_000_000_000),
      payload: { kind: 'text', text: 'ciao' },
    });
  });

  it('reads phone numbers only from phone jids', () => {
    expect(phoneFromJid('393331234567@c.us')).toBe('+393331234567');
    expect(phoneFromJid('123456789012345@lid')).toBeUndefined();
    expect(phoneFromJid(undefined)).toBeUndefined();
  });
});
