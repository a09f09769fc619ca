/**
 * The catch-up on `ready`, against the protocol-level fake client and a recording handler: which
 * chats and messages are read back, in which order, when chats are marked read, the bounds, the
 * one log line, and failures that must not stop anything else.
 */
import { Writable } from 'node:stream';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createCatchUp } from '../../../bots/whatsapp/catch-up';
import type { InboundHandler, InboundOutcome } from '../../../bots/whatsapp/inbound-handler';
import type { WhatsappMessageLike } from '../../../bots/whatsapp/whatsapp-client';
import { createLogger } from '../../../src/log/logger';
import { FakeWhatsappClient, waMessage } from '../../support/fake-whatsapp-client';

function capturingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger = createLogger({ level: 'debug', json: true });
  logger.clear();
  logger.add(
    new winston.transports.Stream({
      stream: new Writable({
        write(chunk, _enc, cb) {
          lines.push(JSON.parse(String(chunk)));
          cb();
        },
      }),
    }),
  );
  return { logger, lines };
}

/** A handler that records what it was given; `outcome` decides the answer per message. */
function recordingHandler(outcome: (msg: WhatsappMessageLike) => InboundOutcome | Promise<InboundOutcome> = () => 'stored') {
  const handled: string[] = [];
  const handler: InboundHandler = async (msg) => {
    const result = await outcome(msg);
    handled.push(msg.body);
    return result;
  };
  return { handler, handled };
}

const T0 = 1_790_000_000;
const citizen = (n: number) => `39333100${String(n).padStart(4, '0')}@c.us`;
const always = () => true;

function setup(opts: { outcome?: Parameters<typeof recordingHandler>[0]; maxChats?: number; maxPerChat?: number } = {}) {
  const client = new FakeWhatsappClient();
  const { logger, lines } = capturingLogger();
  const { handler, handled } = recordingHandler(opts.outcome);
  const catchUp = createCatchUp(
    { handleMessage: handler, logger },
    { catchUpMaxChats: opts.maxChats, catchUpMaxMessagesPerChat: opts.maxPerChat },
  );
  return { client, account: client.account, lines, handled, catchUp };
}

describe('catch-up on ready', () => {
  it('reads back the unread messages of private chats, oldest chat first and in time order, then marks each chat read', async () => {
    const { client, account, handled, catchUp, lines } = setup();
    const later = citizen(1);
    const earlier = '204815162342108@lid';
    // Arrival order differs from time order: the fetched messages are sorted.
    account.receive(waMessage.text(later, 'later-2', { timestamp: T0 + 20 }));
    account.receive(waMessage.text(later, 'later-1', { timestamp: T0 + 10 }));
    account.receive(waMessage.text(earlier, 'earlier-1', { timestamp: T0 + 1 }));
    account.receive(waMessage.text(earlier, 'earlier-2', { timestamp: T0 + 2 }));

    await catchUp(client, always);

    expect(handled).toEqual(['earlier-1', 'earlier-2', 'later-1', 'later-2']);
    // Only the other side's messages; a few more than the unread ones (see the next test).
    expect(client.fetchCalls).toEqual([
      { chatId: earlier, options: { limit: 7, fromMe: false } },
      { chatId: later, options: { limit: 7, fromMe: false } },
    ]);
    expect(client.sendSeenCalls).toEqual([earlier, later]);
    expect(account.unreadCount(earlier)).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(
          /^whatsapp: caught up on ready: 4 messages from 2 chats with unread messages \(4 new, 0 already stored\) in \d+ ms$/,
        ),
      }),
    ]);
  });

  it('does not lose an unread message sent in the same second as a read one', async () => {
    const { client, account, handled, catchUp } = setup();
    const chat = citizen(5);
    for (let i = 0; i < 8; i++) account.receive(waMessage.text(chat, `old-${i}`, { timestamp: T0 + i }));
    account.receive(waMessage.text(chat, 'read', { timestamp: T0 + 60 }));
    account.markSeen(chat);
    account.receive(waMessage.text(chat, 'unread', { timestamp: T0 + 60 }));

    await catchUp(client, always);

    // The read one of that second comes along (a no-op in the inbox); older ones do not.
    expect([...handled].sort()).toEqual(['read', 'unread']);
  });

  it('leaves out groups, status updates, channels, read chats and our own messages', async () => {
    const { client, account, handled, catchUp } = setup();
    const member = citizen(2);
    account.receive(waMessage.inGroup('120363041234567890@g.us', member, 'in a group'));
    account.receive(waMessage.status(member, 'a status update'));
    account.receive(waMessage.text('120363000000000001@newsletter', 'a channel post'));
    account.receive(waMessage.text('120363000000000002@broadcast', 'a broadcast list'));
    // Read on the phone before the bot came back: not unread any more.
    account.receive(waMessage.text(citizen(3), 'already read'));
    account.markSeen(citizen(3));
    // The municipality's phone wrote, then the citizen answered: only the answer is unread.
    account.receive(waMessage.text(citizen(4), 'question', { timestamp: T0 }));
    account.receive(waMessage.own(citizen(4), 'written on the phone'));
    account.receive(waMessage.text(citizen(4), 'answer', { timestamp: T0 + 60 }));

    await catchUp(client, always);

    expect(handled).toEqual(['answer']);
    expect(client.fetchCalls.map((c) => c.chatId)).toEqual([citizen(4)]);
  });

  it('is bounded: at most N chats, those waiting longest, and the latest M messages of each', async () => {
    const { client, account, handled, catchUp, lines } = setup({ maxChats: 2, maxPerChat: 3 });
    for (let i = 1; i <= 5; i++) account.receive(waMessage.text(citizen(10), `flood-${i}`, { timestamp: T0 + 100 + i }));
    account.receive(waMessage.text(citizen(11), 'oldest', { timestamp: T0 }));
    account.receive(waMessage.text(citizen(12), 'newest', { timestamp: T0 + 500 }));

    await catchUp(client, always);

    expect(handled).toEqual(['oldest', 'flood-3', 'flood-4', 'flood-5']);
    expect(account.unreadCount(citizen(12))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe('warn');
    expect(lines[0].message).toContain('1 chats had more than 3 unread messages: only the latest 3 were read');
    expect(lines[0].message).toContain('1 more chats with unread messages are left for the next ready');
  });

  it('keeps a chat unread when one of its messages could not be stored, and goes on with the others', async () => {
    const { client, account, handled, catchUp, lines } = setup({
      outcome: (msg) => {
        if (msg.body === 'broken') throw new Error('MongoServerSelectionError: connection refused');
        return msg.body === 'known' ? 'duplicate' : 'stored';
      },
    });
    account.receive(waMessage.text(citizen(20), 'broken', { timestamp: T0 }));
    account.receive(waMessage.text(citizen(20), 'after the broken one', { timestamp: T0 + 1 }));
    account.receive(waMessage.text(citizen(21), 'known', { timestamp: T0 + 2 }));
    account.receive(waMessage.text(citizen(21), 'fine', { timestamp: T0 + 3 }));

    await catchUp(client, always);

    // Nothing after a message that failed is fed: order within a chat is kept.
    expect(handled).toEqual(['known', 'fine']);
    expect(account.unreadCount(citizen(20))).toBe(2);
    expect(account.unreadCount(citizen(21))).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn' });
    expect(lines[0].message).toMatch(
      /^whatsapp: caught up on ready: 2 messages from 1 chats with unread messages \(1 new, 1 already stored\)/,
    );
    expect(lines[0].message).toContain('1 chats failed and stay unread for the next ready (MongoServerSelectionError: connection refused)');
  });

  it('logs a failure to list the chats and resolves', async () => {
    const { client, account, handled, catchUp, lines } = setup();
    account.receive(waMessage.text(citizen(30), 'waiting'));
    client.failNextGetChats = 1;
    await expect(catchUp(client, always)).resolves.toBeUndefined();
    expect(handled).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/^whatsapp: catch-up failed: the chats could not be listed/),
      }),
    ]);
    // The next ready catches up.
    await catchUp(client, always);
    expect(handled).toEqual(['waiting']);
  });

  it('never names a chat in its log line', async () => {
    const { client, account, catchUp, lines } = setup({
      outcome: () => {
        throw new Error('failed');
      },
    });
    account.receive(waMessage.text(citizen(40), 'hello'));
    await catchUp(client, always);
    expect(JSON.stringify(lines)).not.toContain('39333100');
    expect(JSON.stringify(lines)).not.toContain('@c.us');
  });

  it('runs one at a time: a ready during a run asks for one more run; a replaced client stops', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, account, handled, catchUp } = setup({
      outcome: async (msg) => (msg.body === 'first' ? gate.then(() => 'stored' as const) : 'stored'),
    });
    account.receive(waMessage.text(citizen(50), 'first'));
    const run1 = catchUp(client, always);
    await new Promise((r) => setTimeout(r, 20));
    account.receive(waMessage.text(citizen(51), 'arrived during the first run'));
    const run2 = catchUp(client, always);
    const run3 = catchUp(client, always);
    expect(client.getChatsCalls).toBe(1);
    release();
    await Promise.all([run1, run2, run3]);
    // The waiting rerun happened once, after the first run.
    expect(client.getChatsCalls).toBe(2);
    expect(handled).toEqual(['first', 'arrived during the first run']);

    account.receive(waMessage.text(citizen(52), 'for the next client'));
    await catchUp(client, () => false);
    expect(client.getChatsCalls).toBe(2);
    expect(handled).toHaveLength(2);
  });
});
