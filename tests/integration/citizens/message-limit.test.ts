/**
 * The per-citizen message limit through the whole service (simulator API, real Redis queue and
 * worker, MongoDB): with CITIZEN_MESSAGES_PER_MINUTE=3 the fourth message in a minute gets one
 * polite answer, the fifth none; every message is still in the inbox; another chat is not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { citizenSays, newChatId, refOf } from '../panel/panel-helpers';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ CITIZEN_MESSAGES_PER_MINUTE: '3' });
});
afterAll(async () => {
  await app?.stop();
});

describe('messages a minute per citizen', () => {
  it('IT: the first message over the limit gets a polite answer, later ones none; all are stored', async () => {
    const chatId = newChatId();
    await citizenSays(app, chatId, 'ciao');
    await citizenSays(app, chatId, 'Accetto');
    const third = await citizenSays(app, chatId, 'rifiuti');
    expect(third.join('\n')).not.toContain('molti messaggi');
    const fourth = await citizenSays(app, chatId, 'ciao?');
    expect(fourth).toEqual([expect.stringContaining('Mi stai scrivendo molti messaggi in poco tempo')]);
    expect(await citizenSays(app, chatId, 'ci sei?')).toEqual([]);
    expect(await app.mongo.collection('inbox_messages').countDocuments({ citizenRef: refOf(app, chatId) })).toBe(5);
    // The dialog did not move: it still waits for the answer to "how do you know?".
    const conversation = await app.mongo.collection('conversations').findOne({ citizenRef: refOf(app, chatId) });
    expect(conversation?.state.step).toBe('reliability');

    const other = newChatId();
    expect((await citizenSays(app, other, 'ciao')).join('\n')).toContain('Accetti?');
  });

  it('EN: the polite answer in the dialog language', async () => {
    const chatId = newChatId();
    await citizenSays(app, chatId, 'english');
    await citizenSays(app, chatId, 'I accept');
    await citizenSays(app, chatId, 'rubbish');
    expect(await citizenSays(app, chatId, 'hello?')).toEqual([expect.stringContaining('You are sending many messages in a short time')]);
  });
});
