/**
 * Keeps one WhatsApp Web client connected: builds it, follows its login events (QR, authenticated,
 * ready, auth_failure, disconnected) into the published status, and after a disconnect or a failed
 * start destroys it and builds a new one with exponential backoff. Events of a replaced client are
 * ignored. Every `ready` also starts onReady (the catch-up of messages missed while disconnected).
 */
import type { Logger } from '../../src/log/logger';
import type { WhatsappClientFactory, WhatsappClientLike, WhatsappMessageLike } from './whatsapp-client';
import type { WhatsappState, WhatsappStatusPublisher } from './whatsapp-status';

export type SessionOptions = {
  /** First reconnect delay, doubled after each failure. @defaultValue 5000 */
  reconnectInitialMs?: number;
  /** Longest reconnect delay. @defaultValue 300000 (5 min) */
  reconnectMaxMs?: number;
  /** A start that shows neither a QR code nor a login within this time is retried. @defaultValue 180000 */
  startTimeoutMs?: number;
  /** How long stop() waits for the browser to close. @defaultValue 15000 */
  destroyTimeoutMs?: number;
};

export type WhatsappSession = {
  start(): void;
  stop(): Promise<void>;
  /** The client when it is ready to send, with the current state. */
  connected(): { client?: WhatsappClientLike; state: WhatsappState };
};

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createWhatsappSession(deps: {
  factory: WhatsappClientFactory;
  status: WhatsappStatusPublisher;
  logger: Logger;
  onMessage(msg: WhatsappMessageLike, client: WhatsappClientLike): Promise<unknown>;
  /**
   * Runs after every `ready` of the current client, without holding up the session; `isCurrent`
   * turns false once this client is replaced or the session stops.
   */
  onReady?(client: WhatsappClientLike, isCurrent: () => boolean): Promise<void>;
  /** Shows the QR code to whoever is at the terminal. */
  showQr?(qr: string): void;
  options?: SessionOptions;
}): WhatsappSession {
  const o = deps.options ?? {};
  const initialMs = o.reconnectInitialMs ?? 5_000;
  const maxMs = o.reconnectMaxMs ?? 300_000;
  const startTimeoutMs = o.startTimeoutMs ?? 180_000;
  const destroyTimeoutMs = o.destroyTimeoutMs ?? 15_000;
  const { logger, status } = deps;

  let client: WhatsappClientLike | undefined;
  let generation = 0;
  let failures = 0;
  let stopped = true;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let startWatchdog: NodeJS.Timeout | undefined;

  const destroy = async (c: WhatsappClientLike | undefined) => {
    if (!c) return;
    await bounded(c.destroy(), destroyTimeoutMs, 'closing WhatsApp Web').catch((err: Error) =>
      logger.warn(`whatsapp: closing the browser failed: ${err.message}`),
    );
  };

  /** Drops the current client and schedules a new one. */
  const reconnect = (gen: number, state: WhatsappState, reason: string) => {
    if (stopped || gen !== generation) return;
    generation++;
    clearTimeout(startWatchdog);
    const old = client;
    client = undefined;
    const delay = Math.min(initialMs * 2 ** failures, maxMs);
    failures++;
    status.set(state, { detail: `${reason}; retrying in ${Math.round(delay / 1000)} s` });
    logger.warn(`whatsapp: ${reason}; reconnecting in ${Math.round(delay / 1000)} s`);
    void destroy(old);
    reconnectTimer = setTimeout(() => void connect(), delay);
    reconnectTimer.unref();
  };

  const connect = async () => {
    if (stopped) return;
    const gen = ++generation;
    const current = () => !stopped && gen === generation;
    let c: WhatsappClientLike;
    try {
      c = await deps.factory();
    } catch (err) {
      return reconnect(gen, 'disconnected', `could not create the WhatsApp Web client: ${(err as Error).message}`);
    }
    if (!current()) return void destroy(c);
    client = c;
    let progressed = false;
    const madeProgress = () => {
      progressed = true;
      clearTimeout(startWatchdog);
    };
    c.on('qr', (qr) => {
      if (!current()) return;
      madeProgress();
      status.set('qr', { qr });
      deps.showQr?.(qr);
    });
    c.on('authenticated', () => {
      if (!current()) return;
      madeProgress();
      status.set('authenticated');
      logger.info('whatsapp: authenticated');
    });
    c.on('ready', () => {
      if (!current()) return;
      madeProgress();
      failures = 0;
      status.set('ready');
      logger.info('whatsapp: ready, receiving messages');
      deps.onReady?.(c, current).catch((err: Error) => logger.error(`whatsapp: the work after ready failed: ${err.message}`));
    });
    c.on('auth_failure', (message) => {
      if (!current()) return;
      logger.error(`whatsapp: authentication failed: ${message}`);
      reconnect(gen, 'auth_failure', `authentication failed: ${message}`);
    });
    c.on('disconnected', (reason) => {
      if (!current()) return;
      if (reason === 'LOGOUT') logger.error('whatsapp: this device was unlinked from the phone: a new QR code must be scanned');
      reconnect(
        gen,
        'disconnected',
        reason === 'LOGOUT' ? 'logged out from the phone; a new QR code must be scanned' : `disconnected: ${reason}`,
      );
    });
    c.on('message', (msg) => {
      // Messages of a replaced client are still real messages: store them too.
      deps
        .onMessage(msg, c)
        .catch((err: Error) =>
          logger.error(`whatsapp: message ${msg?.id?._serialized ?? '?'} could not be stored and is lost: ${err.message}`),
        );
    });
    status.set('starting');
    startWatchdog = setTimeout(() => {
      if (current() && !progressed)
        reconnect(gen, 'disconnected', `WhatsApp Web did not load within ${Math.round(startTimeoutMs / 1000)} s`);
    }, startTimeoutMs);
    startWatchdog.unref();
    try {
      await c.initialize();
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      logger.error(`whatsapp: WhatsApp Web could not start: ${message}`);
      reconnect(gen, 'disconnected', `start failed: ${message}`);
    }
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      failures = 0;
      void connect();
    },
    async stop() {
      stopped = true;
      generation++;
      clearTimeout(reconnectTimer);
      clearTimeout(startWatchdog);
      const old = client;
      client = undefined;
      await destroy(old);
    },
    connected() {
      const state = status.current().state;
      return { client: state === 'ready' ? client : undefined, state };
    },
  };
}
