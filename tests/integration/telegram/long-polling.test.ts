/**
 * Long-polling mode through the real service against the fake Bot API, and the poller's promise
 * that Telegram forgets an update (the offset passes it) only once the update is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLongPolling } from '../../../bots/telegram/long-polling';
import { createTelegramApi } from '../../../bots/telegram/telegram-api';
import type { UpdateHandler } from '../../../bots/telegram/handle-update';
import { createLogger } from '../../../src/log/logger';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram-api';
import { inboxKey, startTelegramApp, type TelegramHarness } from './telegram-harness';
import { storedKeys } from '../../support/stored-keys';

let fake: FakeTelegram;
let h: TelegramHarness;

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await startTelegramApp(fake, 'polling');
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

describe('telegram long polling', () => {
  it('removes any webhook, keeping pending updates, and sets the commands', () => {
    expect(fake.callsOf('deleteWebhook').map((c) => c.params.drop_pending_updates)).toEqual([false]);
    expect(fake.callsOf('setMyCommands').map((c) => c.params.language_code)).toEqual([undefined, 'it', 'en']);
    expect(fake.callsOf('getUpdates')[0]?.params.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
  });

  it('reports itself ready once registered and polling', async () => {
    const res = await fetch(`${h.app.url}/readyz`);
    expect(res.status).toBe(200);
    expect((await res.json()).checks.telegram).toEqual({ state: 'up', mode: 'polling', registered: true, polling: true });
  });

  it('stores a message, confirms it to Telegram, and answers it', async () => {
    const citizen = fake.citizen();
    const update = citizen.text('/start');
    const replies = await h.exchange(update);
    expect(replies.length).toBeGreaterThan(0);
    expect((await h.app.storage.inbox.get('telegram', inboxKey(update)))?.payload).toEqual({ kind: 'text', text: 'ciao' });
    await fake.waitFor('the update to be confirmed', () => fake.confirmedUpTo() >= update.update_id);
  });

  it('makes one inbox message of an update handed out again after a restart', async () => {
    const citizen = fake.citizen();
    const update = citizen.text('Ciao');
    const first = await h.exchange(update);
    fake.redeliver(update);
    await h.exchange(citizen.text('aiuto'));
    const answers = await h.app.storage.outbound.listForChat('telegram', String(citizen.chatId));
    expect(answers.filter((a) => a.inReplyTo === storedKeys(h.app.config).messageRef('telegram', inboxKey(update)))).toHaveLength(first.length);
    expect(fake.sentTo(citizen.chatId)).toHaveLength(answers.length);
  });

  it('reads a shared location', async () => {
    const citizen = fake.citizen();
    const update = citizen.location(43.8414, 10.5731);
    await h.exchange(update);
    expect((await h.app.storage.inbox.get('telegram', inboxKey(update)))?.payload).toEqual({
      kind: 'location',
      point: { lat: 43.8414, lng: 10.5731 },
    });
  });
});

describe('the poller on its own', () => {
  it('is not healthy while getUpdates fails, and recovers', async () => {
    const own = await startFakeTelegram();
    own.failNext('getUpdates', { code: 502, description: 'Bad Gateway' }, { code: 502, description: 'Bad Gateway' });
    const polling = createLongPolling({
      api: createTelegramApi(own.token, own.apiRoot),
      handleUpdate: async () => ({ kind: 'ignored' }),
      logger: createLogger({ level: 'error', json: true, silent: true }),
      pollTimeoutSeconds: 1,
    });
    try {
      polling.start();
      await own.waitFor('a failed getUpdates', () => own.callsOf('getUpdates').some((c) => c.status === 502));
      expect(polling.healthy()).toBe(false);
      await own.waitFor('getUpdates answering again', () => own.callsOf('getUpdates').some((c) => c.status === 200));
      await own.waitFor('healthy again', () => polling.healthy());
    } finally {
      await polling.stop();
      await own.close();
    }
  });

  it('never confirms an update it could not store: the next poller gets it', async () => {
    const own = await startFakeTelegram();
    const logger = createLogger({ level: 'error', json: true, silent: true });
    const api = createTelegramApi(own.token, own.apiRoot);
    const citizen = own.citizen();
    const first = citizen.text('uno');
    const second = citizen.text('due');
    const stored: number[] = [];
    const confirmedWhenFailing: number[] = [];
    // Stands in for the inbox while MongoDB is down: the second update cannot be stored.
    const failingInbox: UpdateHandler = async (update) => {
      const id = (update as { update_id: number }).update_id;
      if (id === second.update_id) {
        confirmedWhenFailing.push(own.confirmedUpTo());
        throw new Error('MongoNetworkError: connection refused');
      }
      stored.push(id);
      return { kind: 'stored', duplicate: false };
    };
    const workingInbox: UpdateHandler = async (update) => {
      stored.push((update as { update_id: number }).update_id);
      return { kind: 'stored', duplicate: false };
    };
    const a = createLongPolling({ api, handleUpdate: failingInbox, logger, pollTimeoutSeconds: 1 });
    const b = createLongPolling({ api, handleUpdate: workingInbox, logger, pollTimeoutSeconds: 1 });
    try {
      a.start();
      own.push(first, second);
      await own.waitFor('two failed attempts to store the second update', () => confirmedWhenFailing.length >= 2);
      await a.stop();
      expect(stored).toEqual([first.update_id]);
      expect(Math.max(own.confirmedUpTo(), ...confirmedWhenFailing)).toBeLessThan(second.update_id);

      b.start();
      await own.waitFor('the second update stored by the next poller', () => stored.length === 2);
      expect(stored).toEqual([first.update_id, second.update_id]);
      await own.waitFor('the second update confirmed', () => own.confirmedUpTo() >= second.update_id);
    } finally {
      await a.stop();
      await b.stop();
      await own.close();
    }
  });
});
