/**
 * The real whatsapp-web.js Client with our options, driving Debian's Chromium, offline: it must be
 * constructible, and initialize() must fail fast and cleanly (no unhandled rejection, browser
 * closed, an error state published, a retry scheduled). Chromium is pointed at a closed local
 * proxy so the test never reaches WhatsApp even on a machine with Internet access.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWhatsappWebChannel } from '../../../bots/whatsapp';
import type { ChannelModule } from '../../../bots/channel-module';
import { CHROMIUM_ARGS, createWwebjsClientFactory } from '../../../bots/whatsapp/wwebjs-client.factory';
import { createRealChannelContext, readStatus, waitFor } from './whatsapp-test-kit';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const OFFLINE = ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];
const sessionDir = mkdtempSync(path.join(os.tmpdir(), 'vicinato-wa-session-'));
afterAll(() => rmSync(sessionDir, { recursive: true, force: true }));

/** Chromium processes using our session directory (LocalAuth puts it in --user-data-dir). */
const browsersUsing = (dir: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('chromium') && line.includes(dir));

describe.skipIf(!hasChromium)(`real whatsapp-web.js Client on ${CHROMIUM}`, () => {
  it('is built with Debian Chromium, LocalAuth in the session directory and server-safe flags', async () => {
    const client = await createWwebjsClientFactory({ chromiumPath: CHROMIUM, auth: 'local', sessionDir })();
    // Reading the library's own options object: the one place these settings become visible.
    const options = (
      client as unknown as {
        options: {
          puppeteer: { executablePath: string; args: string[] };
          authStrategy: { constructor: { name: string }; dataPath: string };
        };
      }
    ).options;
    expect(options.puppeteer.executablePath).toBe(CHROMIUM);
    expect(options.puppeteer.args).toEqual(expect.arrayContaining(CHROMIUM_ARGS));
    expect(options.authStrategy.constructor.name).toBe('LocalAuth');
    expect(options.authStrategy.dataPath).toBe(path.resolve(sessionDir));
  });

  it('fails fast and cleanly offline: error state published, browser closed, retry scheduled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const env = await createRealChannelContext();
    const channel = createWhatsappWebChannel(env.ctx, {
      clientFactory: createWwebjsClientFactory({ chromiumPath: CHROMIUM, auth: 'local', sessionDir, extraChromiumArgs: OFFLINE }),
      reconnectInitialMs: 600_000,
      reconnectMaxMs: 600_000,
    }) as ChannelModule;
    const prefix = env.ctx.config.REDIS_PREFIX;
    try {
      const startedAt = Date.now();
      await channel.start!();
      const failed = await waitFor(
        async () => {
          const s = await readStatus(env.redis, prefix);
          return s?.state === 'disconnected' && s;
        },
        'the error state',
        60_000,
      );
      console.log(`whatsapp-web.js offline start failed after ${Date.now() - startedAt} ms: ${failed.detail}`);
      expect(failed.detail).toMatch(/^start failed: net::ERR_[A-Z_]+ at https:\/\/web\.whatsapp\.com\/; retrying in 600 s$/);
      expect(await channel.readiness!.check()).toBe(false);
      await waitFor(() => browsersUsing(sessionDir).length === 0, 'the browser to be closed', 20_000);
    } finally {
      await channel.stop!();
      await env.close();
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(browsersUsing(sessionDir)).toEqual([]);
  });
});

if (!hasChromium) it.skip(`real whatsapp-web.js Client: skipped, ${CHROMIUM} is missing (apt-get install chromium)`, () => undefined);

describe('real whatsapp-web.js Client with WHATSAPP_AUTH=remote', () => {
  it('uses RemoteAuth backed by the MongoDB session store, backing up every 5 minutes', async () => {
    const env = await createRealChannelContext();
    try {
      const client = await createWwebjsClientFactory({ chromiumPath: CHROMIUM, auth: 'remote', sessionDir, mongo: env.ctx.mongo })();
      const auth = (
        client as unknown as {
          options: {
            authStrategy: {
              constructor: { name: string };
              backupSyncIntervalMs: number;
              store: { sessionExists(o: { session: string }): Promise<boolean> };
            };
          };
        }
      ).options.authStrategy;
      expect(auth.constructor.name).toBe('RemoteAuth');
      expect(auth.backupSyncIntervalMs).toBeGreaterThanOrEqual(60_000);
      expect(await auth.store.sessionExists({ session: 'RemoteAuth-vicinato' })).toBe(false);
    } finally {
      await env.close();
    }
  });
});
