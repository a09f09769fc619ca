/**
 * Two messages of one chat are never processed at the same time, and in arrival order: a citizen
 * who types fast (three messages before the first reply) gets the same conversation as one who waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { storedKeys } from '../../support/stored-keys';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const post = (chatId: string, body: unknown) =>
  fetch(`${app.url}/api/simulator/chats/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function history(chatId: string): Promise<string[]> {
  const res = await fetch(`${app.url}/api/simulator/chats/${chatId}/messages`);
  return ((await res.json()) as { messages: Array<{ text: string }> }).messages.map((m) => m.text);
}

describe('per-chat ordering', () => {
  it('processes a burst of messages from one chat one at a time, in the order they arrived', async () => {
    const texts = ['Buongiorno', 'Accetto', '1', '1'];
    // Sent without waiting for replies, a few ms apart so their arrival order is known.
    const pending: Promise<Response>[] = [];
    for (const text of texts) {
      pending.push(post('burst', { text }));
      await new Promise((r) => setTimeout(r, 15));
    }
    const responses = await Promise.all(pending);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    // The same conversation, one message at a time.
    for (const text of texts) expect((await post('calm', { text })).status).toBe(200);

    const burst = await history('burst');
    const calm = await history('calm');
    expect(burst.length).toBe(calm.length);
    expect(burst.map((t) => t.slice(0, 40))).toEqual(calm.map((t) => t.slice(0, 40)));
    expect(burst.at(-1)).toMatch(/Dove\?/);

    const inbox = await app.mongo.collection('inbox_messages').find({ chatKey: storedKeys(app.config).chatKey('simulator', 'burst') }).toArray();
    expect(inbox.map((m) => m.state)).toEqual(['processed', 'processed', 'processed', 'processed']);
  });

  it('keeps different chats independent', async () => {
    const [a, b] = await Promise.all([post('chat-a', { text: 'ciao' }), post('chat-b', { text: 'hello' })]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect((await history('chat-a'))[0]).toMatch(/112/);
    expect((await history('chat-b'))[0]).toMatch(/112/);
  });
});
