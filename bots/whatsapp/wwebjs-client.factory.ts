/**
 * Builds the real whatsapp-web.js Client: Debian's Chromium (never a downloaded browser, see
 * .puppeteerrc.cjs), LocalAuth in the session directory by default, RemoteAuth with a MongoDB
 * store when WHATSAPP_AUTH=remote. whatsapp-web.js (and puppeteer) load only when a client is
 * built, so processes without the whatsapp role never pay for them.
 */
import path from 'node:path';
import type { Connection } from 'mongoose';
import type WAWebJS from 'whatsapp-web.js';
import { createMongoSessionStore } from './mongo-session-store';
import type { WhatsappChatLike, WhatsappClientFactory, WhatsappClientLike, WhatsappMessageLike } from './whatsapp-client';

// Compile-time proof that the real types fit the narrow ones the channel is written against.
type Assignable<T, U extends T> = U;
export type RealClientFitsInterface = Assignable<WhatsappClientLike, WAWebJS.Client>;
export type RealMessageFitsInterface = Assignable<WhatsappMessageLike, WAWebJS.Message>;
export type RealChatFitsInterface = Assignable<WhatsappChatLike, WAWebJS.Chat>;

/** Chromium flags for a server without a display, as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
];

/** RemoteAuth backs the session up this often (whatsapp-web.js refuses less than 60 s). */
export const REMOTE_BACKUP_INTERVAL_MS = 5 * 60_000;

export type WwebjsClientOptions = {
  chromiumPath: string;
  auth: 'local' | 'remote';
  /** LocalAuth's session files, RemoteAuth's working copy, and the WhatsApp Web version cache. */
  sessionDir: string;
  /** Required for auth 'remote'. */
  mongo?: Connection;
  /** Extra Chromium flags (e.g. a proxy). */
  extraChromiumArgs?: string[];
};

const CLIENT_ID = 'vicinato';

export function createWwebjsClientFactory(opts: WwebjsClientOptions): WhatsappClientFactory {
  return async () => {
    const { Client, LocalAuth, RemoteAuth } = (await import('whatsapp-web.js')).default;
    const dataPath = path.resolve(opts.sessionDir);
    let authStrategy: WAWebJS.AuthStrategy;
    if (opts.auth === 'remote') {
      if (!opts.mongo) throw new Error('WHATSAPP_AUTH=remote needs a MongoDB connection');
      authStrategy = new RemoteAuth({
        clientId: CLIENT_ID,
        dataPath,
        store: createMongoSessionStore(opts.mongo, dataPath),
        backupSyncIntervalMs: REMOTE_BACKUP_INTERVAL_MS,
      });
    } else {
      authStrategy = new LocalAuth({ clientId: CLIENT_ID, dataPath });
    }
    const client: WhatsappClientLike = new Client({
      authStrategy,
      puppeteer: {
        executablePath: opts.chromiumPath,
        headless: true,
        args: [...CHROMIUM_ARGS, ...(opts.extraChromiumArgs ?? [])],
      },
      // Default is ./.wwebjs_cache in the working directory: keep it with the session instead.
      webVersionCache: { type: 'local', path: path.join(dataPath, 'web-version-cache') },
    });
    return client;
  };
}
