/**
 * The `inbound.processed` live event is published only for the channels whose intake waits for it
 * (the simulator's POST answers with the replies): a Telegram message costs no publish, and no
 * listener in any web process is woken for it. On the old code every processed message was announced.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/domain/ports';
import { redisKeys } from '../../../src/queue/queue-names';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { say } from '../../support/simulator-citizen';
import { uniqueName } from '../../support/databases';
import { startTelegramApp, type TelegramHarness } from '../telegram/telegram-harness';

let fake: FakeTelegram;
let h: TelegramHarness;
let subscriber: Redis;
const heard: LiveEvent[] = [];

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await startTelegramApp(fake, 'webhook');
  subscriber = new Redis(h.app.config.REDIS_URL);
  await subscriber.subscribe(redisKeys(h.app.config.REDIS_PREFIX).eventsChannel);
  subscriber.on('message', (_channel: string, raw: string) => heard.push(JSON.parse(raw) as LiveEvent));
});
afterAll(async () => {
  await subscriber?.quit();
  await h?.stop();
  await fake?.close();
});

describe('inbound.processed events', () => {
  it('are published for the simulator, not for Telegram', async () => {
    const replies = await h.exchange(fake.citizen().text('Buongiorno'));
    expect(replies.length).toBeGreaterThan(0);
    expect(await say(h.app, uniqueName('events'), 'Buongiorno')).not.toEqual([]);
    // The simulator's event arrived (its POST returned on it); the Telegram message, processed first, sent none.
    await new Promise((r) => setTimeout(r, 200));
    const processed = heard.filter((e) => e.type === 'inbound.processed');
    expect(processed.map((e) => e.type === 'inbound.processed' && e.channel)).toEqual(['simulator']);
  });
});
