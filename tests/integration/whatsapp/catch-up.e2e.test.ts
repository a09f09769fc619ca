/**
 * Nothing lost while WhatsApp Web was not listening: messages citizens sent while the process was
 * down or the phone link was cut are read back on `ready` and answered, once, in order. The
 * service runs with the web, worker and whatsapp roles on the real Redis and MongoDB-wire server;
 * a fake whatsapp-web.js client stands in for WhatsApp Web, over one fake account whose chats
 * outlive every client, as they do on the phone.
 */
import { Writable } from 'node:stream';
import winston from 'winston';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWhatsappWebChannel, type WhatsappMessageLike } from '../../../bots/whatsapp';
import type { ChannelModule } from '../../../bots/channel-module';
import { createLogger } from '../../../src/log/logger';
import { createFakeWhatsapp, jpegMedia, waMessage, type FakeWhatsappClient } from '../../support/fake-whatsapp-client';
import { FULL_REPORT_EXPECTED, FULL_REPORT_SCRIPT, TOWN_HALL, expectTicketCode, makeJpeg } from '../../support/report-script';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createRealChannelContext, readyz, repliesSent, waitFor } from './whatsapp-test-kit';
import { storedKeys } from '../../support/stored-keys';

const fake = createFakeWhatsapp();
let app: TestApp;
let chatSeq = 0;
const newCitizen = () => `3933344${String(++chatSeq).padStart(5, '0')}@c.us`;
/** Unix seconds, `minutesAgo` minutes ago. */
const ago = (minutesAgo: number) => Math.floor(Date.now() / 1000) - minutesAgo * 60;

beforeAll(async () => {
  app = await startTestApp(
    { SERVICES: 'web,worker,whatsapp' },
    { whatsapp: { clientFactory: fake.factory, reconnectInitialMs: 50, reconnectMaxMs: 200 } },
  );
});
afterAll(async () => {
  await app?.stop();
});

/** Everything the citizen received on WhatsApp, through every client so far. */
const sentTo = (chatId: string) => fake.clients.flatMap((c) => c.sentTo(chatId)).map((s) => s.content);

/** Waits until the message is processed and all its replies went out; returns the reply texts. */
async function answered(msg: WhatsappMessageLike): Promise<string[]> {
  const replies = await repliesSent(app, msg);
  return replies.map((r) => r.text);
}

const inboxCount = (chatId: string) =>
  app.mongo.collection('inbox_messages').countDocuments({ channel: 'whatsapp', chatKey: storedKeys(app.config).chatKey('whatsapp', chatId) });

/** How many of the citizen's received texts contain `fragment`. */
const timesReceived = (chatId: string, fragment: string) => sentTo(chatId).filter((t) => t.includes(fragment)).length;

/** The catch-up of `client` has read the chat back and marked it read. */
const caughtUp = (client: FakeWhatsappClient, chatId: string) =>
  waitFor(() => client.sendSeenCalls.includes(chatId), 'the catch-up to mark the chat read');

describe('messages sent while WhatsApp Web was not listening', () => {
  it('a report written while the process was down is taken in after ready, in order, and answered up to the ticket code', async () => {
    const reporter = newCitizen();
    const greeter = newCitizen();
    // The citizens write while no process is connected: WhatsApp keeps the messages on the phone.
    const jpeg = jpegMedia(await makeJpeg());
    const script = FULL_REPORT_SCRIPT.map((step, i) => {
      const extra = { timestamp: ago(30) + i * 20 };
      if ('text' in step) return waMessage.text(reporter, step.text, extra);
      if ('location' in step) return waMessage.location(reporter, step.location.lat, step.location.lng, extra);
      return waMessage.image(reporter, jpeg, extra);
    });
    script.forEach((m) => fake.account.receive(m));
    const hello = fake.account.receive(waMessage.text(greeter, 'Buongiorno', { timestamp: ago(5) }));

    // The process starts; the admin scans the QR code.
    const wa = await waitFor(() => fake.clients[0], 'the WhatsApp client');
    wa.showQr();
    wa.loginAndReady();

    let lastReplies: string[] = [];
    for (const m of script) lastReplies = await answered(m);
    const transcript = sentTo(reporter).join('\n');
    let at = -1;
    for (const [i, expected] of FULL_REPORT_EXPECTED.entries()) {
      const next = transcript.indexOf(expected, at + 1);
      expect(next, `reply to step ${i} ("${expected}") after the previous one`).toBeGreaterThan(at);
      at = next;
    }
    const report = await app.storage.reports.getByTicket(expectTicketCode(lastReplies.join('\n')));
    expect(report).toMatchObject({
      channel: 'whatsapp',
      status: 'new',
      location: { point: { lat: TOWN_HALL.lat, lng: TOWN_HALL.lng } },
      description: (FULL_REPORT_SCRIPT[6] as { text: string }).text,
    });
    expect(report!.photoRefs).toHaveLength(1);
    expect(await inboxCount(reporter)).toBe(FULL_REPORT_SCRIPT.length);

    expect((await answered(hello)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    expect(timesReceived(greeter, FULL_REPORT_EXPECTED[0])).toBe(1);
    // Taken in: the phone shows them read.
    expect(fake.account.unreadCount(reporter)).toBe(0);
    expect(fake.account.unreadCount(greeter)).toBe(0);
  });

  it('messages sent while the phone link was down are taken in at the next ready', async () => {
    const first = fake.clients[0];
    const citizen = newCitizen();
    const live = waMessage.text(citizen, 'Buongiorno');
    first.deliver(live);
    expect((await answered(live)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);

    first.disconnect('NAVIGATION');
    const second = await waitFor(() => fake.clients[1], 'a new client after the disconnect');
    // While no client is ready, the citizen answers and a new citizen writes.
    const accept = fake.account.receive(waMessage.text(citizen, 'Accetto'));
    const newcomer = newCitizen();
    const hello = fake.account.receive(waMessage.text(newcomer, 'Buongiorno'));
    second.loginAndReady();

    expect((await answered(accept)).join('\n')).toContain(FULL_REPORT_EXPECTED[1]);
    expect((await answered(hello)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    expect(
      second
        .sentTo(citizen)
        .map((s) => s.content)
        .join('\n'),
    ).toContain(FULL_REPORT_EXPECTED[1]);
    expect(await inboxCount(citizen)).toBe(2);
    expect(timesReceived(citizen, FULL_REPORT_EXPECTED[0])).toBe(1);
  });

  it('a message both read back and delivered live is taken in and answered once', async () => {
    const wa = fake.current;
    expect(wa.destroyed).toBe(false);

    // 1. The live event wins: the catch-up lists the chats, then the message arrives live and is
    //    answered, then the catch-up reads the same message back.
    const first = newCitizen();
    const msg = fake.account.receive(waMessage.text(first, 'Buongiorno'));
    let release!: () => void;
    wa.holdGetChats = new Promise<void>((r) => (release = r));
    const listed = wa.getChatsCalls;
    wa.emit('ready'); // WhatsApp Web re-synced: whatsapp-web.js emits ready again
    await waitFor(() => wa.getChatsCalls > listed, 'the catch-up to list the chats');
    wa.deliver(msg);
    const replies = await answered(msg);
    release();
    wa.holdGetChats = undefined;
    await caughtUp(wa, first);
    expect(wa.fetchCalls.filter((c) => c.chatId === first)).toHaveLength(1);

    // 2. Both at once: ready and the live event in the same tick.
    const second = newCitizen();
    const both = fake.account.receive(waMessage.text(second, 'Buongiorno'));
    wa.emit('ready');
    wa.deliver(both);
    await answered(both);
    await caughtUp(wa, second);

    // A later message of each chat is processed after anything a second copy could cause.
    for (const chat of [first, second]) {
      const next = waMessage.text(chat, 'Accetto');
      wa.deliver(next);
      expect((await answered(next)).join('\n')).toContain(FULL_REPORT_EXPECTED[1]);
      expect(await inboxCount(chat)).toBe(2);
      expect(timesReceived(chat, FULL_REPORT_EXPECTED[0])).toBe(1);
    }
    expect(await app.storage.outbound.listReplies('whatsapp', msg.id._serialized)).toHaveLength(replies.length);
    expect(await app.storage.outbound.listReplies('whatsapp', both.id._serialized)).toHaveLength(replies.length);
  });

  it('groups, status updates, channels and our own messages are not read back', async () => {
    const wa = fake.current;
    const group = '120363041234567890@g.us';
    const channel = '120363000000000001@newsletter';
    const member = newCitizen();
    const contacted = newCitizen();
    const citizen = newCitizen();
    fake.account.receive(waMessage.inGroup(group, member, 'Buongiorno a tutti'));
    fake.account.receive(waMessage.status(member, 'In vacanza!'));
    fake.account.receive(waMessage.text(channel, 'Notizie dal comune'));
    // The municipality's phone wrote first to a citizen who has not answered.
    const outreach = fake.account.receive(waMessage.own(contacted, 'Buongiorno, la contattiamo dal comune'));
    // The phone read a citizen's message and answered by hand; the citizen wrote again.
    fake.account.receive(waMessage.text(citizen, 'Salve', { timestamp: ago(20) }));
    const byHand = fake.account.receive(waMessage.own(citizen, 'Ci dica'));
    const again = fake.account.receive(waMessage.text(citizen, 'Buongiorno', { timestamp: ago(10) }));

    const fetchedBefore = wa.fetchCalls.length;
    wa.emit('ready');
    expect((await answered(again)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    await caughtUp(wa, citizen);

    expect(wa.fetchCalls.slice(fetchedBefore).map((c) => c.chatId)).toEqual([citizen]);
    const inbox = app.mongo.collection('inbox_messages');
    const keys = storedKeys(app.config);
    expect(await inbox.countDocuments({ chatKey: { $in: [group, 'status@broadcast', channel, contacted].map((c) => keys.chatKey('whatsapp', c)) } })).toBe(0);
    expect(await inbox.countDocuments({ messageId: { $in: [outreach.id._serialized, byHand.id._serialized].map((m) => keys.messageRef('whatsapp', m)) } })).toBe(0);
    expect(await inboxCount(citizen)).toBe(1);
    for (const chat of [group, 'status@broadcast', channel, contacted]) expect(sentTo(chat)).toEqual([]);
    // Chats the bot does not take in stay as they were on the phone.
    expect(fake.account.unreadCount(group)).toBe(1);
  });

  it('a failed catch-up is logged and leaves the client working; the next ready catches up', async () => {
    const wa = fake.current;
    const waiting = newCitizen();
    const missed = fake.account.receive(waMessage.text(waiting, 'Buongiorno'));
    wa.failNextGetChats = 1;
    const listed = wa.getChatsCalls;
    wa.emit('ready');
    await waitFor(() => wa.getChatsCalls > listed && wa.failNextGetChats === 0, 'the failed catch-up');

    // Still ready, and live messages are answered.
    expect((await readyz(app.url)).body.checks.whatsapp).toEqual({ state: 'ready' });
    const live = waMessage.text(newCitizen(), 'Buongiorno');
    wa.deliver(live);
    expect((await answered(live)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
    expect(await app.storage.inbox.get('whatsapp', missed.id._serialized)).toBeNull();

    wa.emit('ready');
    expect((await answered(missed)).join('\n')).toContain(FULL_REPORT_EXPECTED[0]);
  });
});

describe('after a restart of the whatsapp process', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function capturingLogger() {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', json: true });
    logger.clear();
    logger.add(new winston.transports.Stream({ stream: new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) }) }));
    return { logger, lines };
  }

  it('a message already in the inbox is a no-op when read back; the ones missed are stored', async () => {
    // One database, one WhatsApp number, two runs of the whatsapp role (no worker: nothing is
    // answered, so the chat stays unread on the phone as it would if the process died before replying).
    const env = await createRealChannelContext();
    cleanups.push(() => env.close());
    const phone = createFakeWhatsapp();
    const citizen = newCitizen();

    const before = createWhatsappWebChannel(env.ctx, { clientFactory: phone.factory }) as ChannelModule;
    cleanups.push(() => before.stop!());
    await before.start!();
    const c0 = await waitFor(() => phone.clients[0], 'the first client');
    c0.loginAndReady();
    const stored = waMessage.text(citizen, 'Buongiorno', { timestamp: ago(3) });
    await waitFor(() => c0.getChatsCalls === 1, 'the first catch-up');
    c0.deliver(stored);
    await waitFor(() => env.storage.inbox.get('whatsapp', stored.id._serialized), 'the live message in the inbox');
    await before.stop!();

    const missed = phone.account.receive(waMessage.text(citizen, 'Accetto', { timestamp: ago(1) }));
    expect(phone.account.unreadCount(citizen)).toBe(2);
    const { logger, lines } = capturingLogger();
    const after = createWhatsappWebChannel({ ...env.ctx, logger }, { clientFactory: phone.factory }) as ChannelModule;
    cleanups.push(() => after.stop!());
    await after.start!();
    const c1 = await waitFor(() => phone.clients[1], 'the client after the restart');
    c1.loginAndReady();
    await caughtUp(c1, citizen);

    const inbox = env.ctx.mongo.collection('inbox_messages');
    const keys = storedKeys(env.ctx.config);
    expect(await inbox.countDocuments({ chatKey: keys.chatKey('whatsapp', citizen) })).toBe(2);
    expect(await inbox.countDocuments({ messageId: keys.messageRef('whatsapp', stored.id._serialized) })).toBe(1);
    expect(await env.storage.inbox.get('whatsapp', missed.id._serialized)).toMatchObject({
      chatId: citizen,
      payload: { kind: 'text', text: 'Accetto' },
    });
    expect(phone.account.unreadCount(citizen)).toBe(0);
    const line = lines.find((l) => l.includes('caught up on ready'));
    expect(line).toMatch(/2 messages from 1 chats with unread messages \(1 new, 1 already stored\)/);
    // Counts only: no chat id, no phone number.
    expect(line).not.toContain('@c.us');
    expect(line).not.toContain(citizen.split('@')[0]);
  });
});
