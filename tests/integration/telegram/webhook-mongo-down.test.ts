/**
 * The webhook when MongoDB cannot be reached: the update cannot be stored, so Telegram must not get
 * a 200 (it would forget the update); a 500 makes it deliver the update again later. The channel is
 * built with the real pieces, on a MongoDB connection to a port where nothing listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../bots/telegram';
import { createChannelHarness, serveChannel, type ChannelHarness } from '../../support/channel-harness';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { WEBHOOK_SECRET, postUpdate } from './telegram-harness';

let fake: FakeTelegram;
let harness: ChannelHarness;
let served: Awaited<ReturnType<typeof serveChannel>>;
let url: string;

beforeAll(async () => {
  fake = await startFakeTelegram();
  harness = await createChannelHarness(
    {
      SERVICES: 'web',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://vicinato.comune.example/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
    { mongoDown: true },
  );
  served = await serveChannel(createTelegramChannel(harness.ctx)!, harness.ctx.logger);
  url = served.url;
});

afterAll(async () => {
  await served?.close();
  await harness?.close();
  await fake?.close();
});

describe('telegram webhook with MongoDB down', () => {
  it('answers 500, so Telegram delivers the update again', async () => {
    const update = fake.citizen().text('C’è un lampione spento in via Roma');
    const res = await postUpdate(url, update);
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatch(/could not be stored; retry later/);
  });

  it('still refuses a wrong secret with 401 before touching anything', async () => {
    const res = await postUpdate(url, fake.citizen().text('Ciao'), 'wrong');
    expect(res.status).toBe(401);
  });
});
