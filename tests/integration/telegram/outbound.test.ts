/**
 * Outbound messages through the real queue and the telegram role's worker, against the fake Bot
 * API: keyboards, order within a chat, Telegram's 429 and a citizen who blocked the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/domain/message';
import { citizenRefFactory } from '../../../src/app/intake/citizen-ref';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { startTelegramApp, type TelegramHarness } from './telegram-harness';

let fake: FakeTelegram;
let h: TelegramHarness;
let n = 0;

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await startTelegramApp(fake, 'polling');
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

/** Sends a message the way the panel does for a status update: recorded, then queued. */
async function notify(chatId: number, text: string, extra: Partial<OutboundMessage> = {}): Promise<OutboundMessage> {
  const msg: OutboundMessage = {
    channel: 'telegram',
    chatId: String(chatId),
    text,
    purpose: 'status-update',
    outboundId: `test-${++n}`,
    ...extra,
  };
  expect(await h.app.storage.outbound.record(msg)).toBe(true);
  await h.app.enqueueOutbound(msg);
  return msg;
}

const delivered = (outboundId: string) => async () => {
  const r = await h.app.storage.outbound.get(outboundId);
  return r && r.state !== 'queued' ? r : undefined;
};

async function waitForState(outboundId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await delivered(outboundId)();
    if (r) return r;
    if (Date.now() > deadline) throw new Error(`${outboundId} still queued after 15 s`);
    await new Promise((res) => setTimeout(res, 25));
  }
}

describe('telegram outbound', () => {
  it('shows choices as a reply keyboard with the send-my-location button', async () => {
    const chatId = fake.citizen().chatId;
    const msg = await notify(chatId, '📍 Dove? Mandami la posizione oppure scrivi l’indirizzo.', {
      choices: ['Indietro'],
      requestLocation: true,
    });
    expect(await waitForState(msg.outboundId)).toMatchObject({ state: 'sent' });
    const [sent] = fake.sentTo(chatId);
    expect(sent!.text).toBe(msg.text);
    expect(sent!.reply_markup).toEqual({
      keyboard: [[{ text: '📍 Invia la mia posizione', request_location: true }], [{ text: 'Indietro' }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    const plain = await notify(chatId, 'La tua segnalazione VIC-2026-000001 è stata presa in carico.');
    await waitForState(plain.outboundId);
    expect(fake.sentTo(chatId)[1]!.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('delivers a burst to one chat in order, within the per-chat limit', async () => {
    const chatId = fake.citizen().chatId;
    const texts = ['uno', 'due', 'tre', 'quattro', 'cinque'];
    const msgs = [];
    for (const t of texts) msgs.push(await notify(chatId, t));
    for (const m of msgs) expect(await waitForState(m.outboundId)).toMatchObject({ state: 'sent' });
    expect(fake.sentTo(chatId).map((s) => s.text)).toEqual(texts);
    const times = fake
      .callsOf('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(chatId))
      .map((c) => c.at);
    // Three at once (Telegram tolerates short bursts), then one a second.
    console.log(`5 messages to one chat: sent at +${times.map((t) => t - times[0]!).join(', +')} ms`);
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(900);
  });

  it('waits retry_after when Telegram answers 429, then delivers', async () => {
    const chatId = fake.citizen().chatId;
    fake.failNext('sendMessage', { code: 429, retryAfter: 1 });
    const msg = await notify(chatId, 'Aggiornamento sulla tua segnalazione');
    expect(await waitForState(msg.outboundId)).toMatchObject({ state: 'sent' });
    const attempts = fake.callsOf('sendMessage').filter((c) => c.params.text === msg.text);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000 - 50);
    expect(fake.sentTo(chatId).map((s) => s.text)).toEqual([msg.text]);
  });

  it('marks a citizen who blocked the bot unreachable and stops trying', async () => {
    const citizen = fake.citizen();
    await h.exchange(citizen.text('Ciao'));
    const ref = citizenRefFactory(h.app.config.CITIZEN_REF_SECRET)('telegram', String(citizen.chatId));
    expect((await h.app.storage.identities.get(ref))?.reachable).toBe(true);
    fake.block(citizen.chatId);
    const msg = await notify(citizen.chatId, 'La pattuglia è intervenuta.');
    expect(await waitForState(msg.outboundId)).toMatchObject({ state: 'undeliverable', error: expect.stringMatching(/blocked/) });
    expect((await h.app.storage.identities.get(ref))?.reachable).toBe(false);
    // Another chat's message goes through afterwards; the blocked one was tried once.
    const other = fake.citizen().chatId;
    await waitForState((await notify(other, 'Grazie della segnalazione.')).outboundId);
    const attempts = fake.callsOf('sendMessage').filter((c) => c.params.text === msg.text);
    expect(attempts.map((a) => a.status)).toEqual([403]);
  });
});
