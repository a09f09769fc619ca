/**
 * The whatsapp-web.js channel's life: one process only (a second is refused), login states
 * published for the panel, reconnection with backoff, and letting go when the lock is lost. The
 * channel runs on real Redis and MongoDB, with a fake whatsapp-web.js client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsappWebChannel } from '../../../bots/whatsapp';
import type { ChannelModule } from '../../../bots/channel-module';
import { RateLimitedError, type OutboundRecord } from '../../../src/domain/ports';
import { redisKeys } from '../../../src/queue/queue-names';
import { createFakeWhatsapp } from '../../support/fake-whatsapp-client';
import { createRealChannelContext, readStatus, waitFor } from './whatsapp-test-kit';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function processWithChannel(opts: { prefix?: string; fake?: ReturnType<typeof createFakeWhatsapp>; channelOptions?: object } = {}) {
  const env = await createRealChannelContext({ prefix: opts.prefix });
  const fake = opts.fake ?? createFakeWhatsapp();
  const channel = createWhatsappWebChannel(env.ctx, { clientFactory: fake.factory, ...opts.channelOptions }) as ChannelModule;
  cleanups.push(
    () => env.close(),
    () => channel.stop!(),
  );
  return { env, fake, channel, prefix: env.ctx.config.REDIS_PREFIX };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const reply = (chatId: string, text: string): OutboundRecord => ({
  channel: 'whatsapp',
  chatId,
  text,
  outboundId: `test-${Math.random()}`,
  state: 'queued',
  seq: 1,
  createdAt: new Date(),
});

describe('whatsapp-web.js channel lifecycle', () => {
  it('exists only in the whatsapp role', async () => {
    const env = await createRealChannelContext();
    cleanups.push(() => env.close());
    expect(createWhatsappWebChannel({ ...env.ctx, roles: ['web', 'worker'] })).toBeUndefined();
  });

  it('refuses a second process while the first runs, without opening a browser', async () => {
    const first = await processWithChannel();
    await first.channel.start!();
    const client = await waitFor(() => first.fake.clients[0], 'the first client');
    client.showQr();
    client.loginAndReady();
    await waitFor(async () => (await readStatus(first.env.redis, first.prefix))?.state === 'ready', 'ready status');

    const second = await processWithChannel({ prefix: first.prefix });
    await expect(second.channel.start!()).rejects.toThrow(/whatsapp role is already running in another process/);
    expect(second.fake.clients).toHaveLength(0);
    // The refused process does not touch the published status.
    expect((await readStatus(first.env.redis, first.prefix))?.state).toBe('ready');

    // Once the first stops (browser closed, lock released), the second may start.
    await first.channel.stop!();
    expect(client.destroyed).toBe(true);
    expect(await readStatus(first.env.redis, first.prefix)).toMatchObject({ state: 'disconnected', detail: 'the whatsapp role stopped' });
    expect(await first.env.redis.get(redisKeys(first.prefix).roleLock('whatsapp'))).toBeNull();
    await second.channel.start!();
    await waitFor(() => second.fake.clients[0]?.initializeCalls === 1, 'the second process to open WhatsApp Web');
  });

  it('publishes the QR code while waiting for a scan, and drops it once logged in', async () => {
    const { channel, fake, env, prefix } = await processWithChannel();
    await channel.start!();
    const client = await waitFor(() => fake.clients[0], 'a client');
    expect(await readStatus(env.redis, prefix)).toMatchObject({ state: 'starting' });
    const qr = client.showQr('2@Xq1,key=,id=');
    const shown = await waitFor(async () => {
      const s = await readStatus(env.redis, prefix);
      return s?.state === 'qr' && s;
    }, 'qr status');
    expect(shown.qr).toBe(qr);
    expect(Date.parse(shown.updatedAt)).not.toBeNaN();
    expect(channel.readiness!.details!()).toEqual({ state: 'qr' });
    expect(await channel.readiness!.check()).toBe(false);

    client.emit('authenticated');
    await waitFor(async () => (await readStatus(env.redis, prefix))?.state === 'authenticated', 'authenticated status');
    client.emit('ready');
    const ready = await waitFor(async () => {
      const s = await readStatus(env.redis, prefix);
      return s?.state === 'ready' && s;
    }, 'ready status');
    expect(ready.qr).toBeUndefined();
    expect(await channel.readiness!.check()).toBe(true);
  });

  it('holds replies while not connected, reconnects with backoff after a disconnect and a failed start', async () => {
    // The test decides when the 2nd and 3rd clients may be built, so every state can be observed.
    const gates = [deferred(), deferred()];
    const fake = createFakeWhatsapp({
      beforeCreate: (index) => (index > 0 ? gates[index - 1].promise : undefined),
      configure: (client, index) => {
        if (index === 1) client.initializeError = new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
      },
    });
    const { channel, env, prefix } = await processWithChannel({ fake, channelOptions: { reconnectInitialMs: 50, reconnectMaxMs: 200 } });
    const status = () => readStatus(env.redis, prefix);
    await channel.start!();
    const first = await waitFor(() => fake.clients[0], 'a client');
    // Not logged in yet: the reply waits (retry later, no attempt used) instead of failing.
    await expect(channel.sender!.send(reply('393331234567@c.us', 'ciao'))).rejects.toBeInstanceOf(RateLimitedError);
    first.loginAndReady();
    await waitFor(async () => (await status())?.state === 'ready', 'ready status');

    first.disconnect('CONFLICT');
    // Events of the replaced client no longer count (else the state below would turn to 'qr').
    first.showQr('stale-qr-from-the-old-client');
    const down = await waitFor(async () => {
      const s = await status();
      return s?.state === 'disconnected' && s;
    }, 'disconnected status');
    expect(down.detail).toMatch(/^disconnected: CONFLICT; retrying in \d+ s$/);
    expect(first.destroyed).toBe(true);
    expect(await channel.readiness!.check()).toBe(false);
    await expect(channel.sender!.send(reply('393331234567@c.us', 'ciao'))).rejects.toBeInstanceOf(RateLimitedError);

    // The next client fails to start (offline): closed, and another try is scheduled.
    gates[0].resolve();
    const failed = await waitFor(async () => {
      const s = await status();
      return s?.state === 'disconnected' && s.detail?.startsWith('start failed') && s;
    }, 'the failed start');
    expect(failed.detail).toMatch(/^start failed: net::ERR_NAME_NOT_RESOLVED at https:\/\/web\.whatsapp\.com\/; retrying in \d+ s$/);
    expect(fake.clients[1].destroyed).toBe(true);

    // The one after connects.
    gates[1].resolve();
    const third = await waitFor(() => fake.clients[2], 'a third client after the failed start');
    third.showQr();
    third.loginAndReady();
    await waitFor(async () => (await status())?.state === 'ready', 'ready again');
    const sent = await channel.sender!.send(reply('393331234567@c.us', 'Scegli:'));
    expect(third.sent).toEqual([expect.objectContaining({ chatId: '393331234567@c.us', content: 'Scegli:' })]);
    expect(sent.platformMessageId).toBe(third.sent[0].id);
  });

  it('retries a start that hangs (no QR code, no login) after the start timeout', async () => {
    const gate = deferred();
    const fake = createFakeWhatsapp({
      beforeCreate: (index) => (index > 0 ? gate.promise : undefined),
      configure: (client, index) => {
        if (index === 0) client.initialize = () => new Promise<void>(() => undefined);
      },
    });
    const { channel, env, prefix } = await processWithChannel({ fake, channelOptions: { startTimeoutMs: 200, reconnectInitialMs: 50 } });
    await channel.start!();
    const stuck = await waitFor(async () => {
      const s = await readStatus(env.redis, prefix);
      return s?.state === 'disconnected' && s;
    }, 'the start timeout');
    expect(stuck.detail).toMatch(/^WhatsApp Web did not load within 0 s; retrying in \d+ s$/);
    expect(fake.clients[0].destroyed).toBe(true);
    gate.resolve();
    await waitFor(() => fake.clients[1]?.initializeCalls === 1, 'a new start');
  });

  it('a failed send throws, so the outbound job retries', async () => {
    const { channel, fake } = await processWithChannel();
    await channel.start!();
    const client = await waitFor(() => fake.clients[0], 'a client');
    client.loginAndReady();
    await waitFor(async () => channel.readiness!.check(), 'ready');
    client.failNextSends = 1;
    await expect(channel.sender!.send(reply('393331234567@c.us', 'ciao'))).rejects.toThrow(/sendMessage failed/);
    await channel.sender!.send(reply('393331234567@c.us', 'ciao'));
    expect(client.sent.map((s) => s.content)).toEqual(['ciao']);
  });

  it('lets go of WhatsApp Web when another process takes the lock over', async () => {
    const { channel, fake, env, prefix } = await processWithChannel({ channelOptions: { lockTtlMs: 300 } });
    await channel.start!();
    const client = await waitFor(() => fake.clients[0], 'a client');
    client.loginAndReady();
    await waitFor(async () => (await readStatus(env.redis, prefix))?.state === 'ready', 'ready status');
    const keys = redisKeys(prefix);
    const theirs = JSON.stringify({ state: 'qr', qr: 'theirs', updatedAt: new Date().toISOString() });
    await env.redis.set(keys.roleLock('whatsapp'), 'other-host pid 7', 'PX', 10_000);
    await env.redis.set(keys.whatsappStatus, theirs, 'PX', 10_000);
    await waitFor(() => client.destroyed, 'the browser to be closed');
    await new Promise((r) => setTimeout(r, 300));
    expect(await env.redis.get(keys.whatsappStatus)).toBe(theirs);
    expect(await env.redis.get(keys.roleLock('whatsapp'))).toBe('other-host pid 7');
  });
});
