import { describe, expect, it } from 'vitest';
import { latestStatuses, outboundStateOf } from '../../../bots/whatsapp-cloud/delivery-statuses';
import { payloadOf, toInboundMessage } from '../../../bots/whatsapp-cloud/inbound-message';
import { parseWebhook, type WaStatus } from '../../../bots/whatsapp-cloud/webhook.schema';
import { messagesNotification, statusNotification, waMessage } from '../../integration/whatsapp-cloud/meta-webhook';

const citizen = { waId: '393331112233', name: 'Luca Bianchi' };
const parseOne = (message: ReturnType<(typeof waMessage)[keyof typeof waMessage]>) => {
  const parsed = parseWebhook(messagesNotification(citizen, message));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.values[0];
};

describe('parseWebhook', () => {
  it('reads a Meta notification and keeps fields it does not know', () => {
    const value = parseOne(waMessage.text('ciao'));
    expect(value.metadata.phone_number_id).toBeTruthy();
    expect(value.messages?.[0]).toMatchObject({ from: citizen.waId, type: 'text', text: { body: 'ciao' } });
  });

  it('skips changes of other fields (account updates, template reviews)', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1 } }] }],
    };
    expect(parseWebhook(body)).toEqual({ ok: true, values: [] });
  });

  it.each([
    [null, /body must be a JSON object/],
    [{ object: 'instagram', entry: [] }, /object/],
    [{ object: 'whatsapp_business_account' }, /entry/],
  ])('refuses %j with a reason', (body, reason) => {
    const parsed = parseWebhook(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('names the broken field of a message', () => {
    const body = messagesNotification(citizen, {
      ...waMessage.location(43.8, 10.5),
      location: { latitude: 'north', longitude: 10.5 },
    } as never);
    const parsed = parseWebhook(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^entry\.0\.changes\.0\.value\.messages\.0\.location\.latitude/);
    const noReply = messagesNotification(citizen, {
      ...waMessage.buttonReply({ id: 'x', title: 'y' }),
      interactive: { type: 'button_reply' },
    } as never);
    expect(parseWebhook(noReply).ok).toBe(false);
  });
});

describe('payloadOf and toInboundMessage', () => {
  it('maps every message type the dialog understands', () => {
    expect(payloadOf(parseOne(waMessage.text('Buongiorno')).messages![0])).toEqual({ kind: 'text', text: 'Buongiorno' });
    expect(payloadOf(parseOne(waMessage.location(43.84, 10.57)).messages![0])).toEqual({
      kind: 'location',
      point: { lat: 43.84, lng: 10.57 },
    });
    expect(payloadOf(parseOne(waMessage.buttonReply({ id: 'choice:Sì', title: 'Sì' })).messages![0])).toEqual({ kind: 'text', text: 'Sì' });
    expect(payloadOf(parseOne(waMessage.sticker()).messages![0])).toEqual({ kind: 'other', platformType: 'sticker' });
    const audio = {
      id: 'wamid.A',
      timestamp: '1700000000',
      type: 'audio',
      audio: { id: '1', mime_type: 'audio/ogg; codecs=opus', voice: true },
    };
    expect(payloadOf(parseOne(audio as never).messages![0])).toEqual({ kind: 'other', platformType: 'audio' });
  });

  it('builds the InboundMessage with the platform time and the profile name', () => {
    const value = parseOne(waMessage.text('x', { id: 'wamid.ID1', timestamp: '1700000000' }));
    const msg = toInboundMessage(value.messages![0], value.contacts, { kind: 'text', text: 'x' }, new Date('2026-01-01T00:00:00Z'));
    expect(msg).toEqual({
      channel: 'whatsapp-cloud',
      chatId: citizen.waId,
      messageId: 'wamid.ID1',
      receivedAt: new Date(1_700_000_000_000),
      sender: { platformId: citizen.waId, phone: citizen.waId, displayName: 'Luca Bianchi' },
      payload: { kind: 'text', text: 'x' },
    });
  });

  it('a timestamp in the future is taken as now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const value = parseOne(waMessage.text('x', { timestamp: String(now.getTime() / 1000 + 86_400) }));
    expect(toInboundMessage(value.messages![0], value.contacts, { kind: 'text', text: 'x' }, now).receivedAt).toEqual(now);
  });
});

describe('statuses', () => {
  const parsed = parseWebhook(
    statusNotification(
      { wamid: 'wamid.1', status: 'read', recipient: citizen.waId },
      { wamid: 'wamid.1', status: 'delivered', recipient: citizen.waId },
      { wamid: 'wamid.2', status: 'sent', recipient: citizen.waId },
      { wamid: 'wamid.3', status: 'failed', recipient: citizen.waId, errorCode: 131047 },
      { wamid: 'wamid.4', status: 'failed', recipient: citizen.waId, errorCode: 131000 },
    ),
  );
  const statuses: WaStatus[] = parsed.ok ? parsed.values[0].statuses! : [];

  it('keeps the furthest state of each message', () => {
    expect(latestStatuses(statuses).map((s) => [s.id, outboundStateOf(s)])).toEqual([
      ['wamid.1', 'read'],
      ['wamid.2', 'sent'],
      ['wamid.3', 'undeliverable'],
      ['wamid.4', 'failed'],
    ]);
  });
});
