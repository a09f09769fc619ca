/**
 * Panel sessions: express-session stored in MongoDB (connect-mongo, collection `panel_sessions`) on
 * the service's own connection. The cookie is httpOnly, SameSite=Lax, Secure in production; the
 * session ends after PANEL_IDLE_TIMEOUT_MINUTES without a request by the operator and in any case
 * MAX_SESSION_HOURS after login. The cookie and the stored session roll with every request; the
 * idle limit itself is kept by requireOperator, which does not count the panel's automatic
 * refreshes (X-Background-Request), so an unattended panel still logs out. With a revocation
 * generation, sessions are kept a few seconds in the process (session-cache.ts).
 */
import MongoStore from 'connect-mongo';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import type { OperatorRole } from '../storage';
import { CachedSessionStore, type RevocationGeneration } from './session-cache';

declare module 'express-session' {
  interface SessionData {
    operatorId: string;
    username: string;
    role: OperatorRole;
    /** Epoch ms of the login, for the absolute session limit. */
    loginAt: number;
    /**
     * Epoch ms of the operator's last own request (not an automatic refresh), for the idle limit:
     * see requireOperator. Written at most every few seconds, so most requests save nothing.
     */
    lastActiveAt?: number;
    /** The operator's session epoch at login: a later epoch (password change, disable, role change, "log out everywhere") ends this session. */
    sessionEpoch?: number;
    /** Password accepted, second factor still due: the operator id and when (epoch ms). No other route is open. */
    mfaPendingId?: string;
    mfaPendingAt?: number;
    /** Signed in, but the role needs a second factor that is not set up yet: only enrolment is open. */
    mfaEnrolmentRequired?: boolean;
  }
}

export const MAX_SESSION_HOURS = 12;

export function sessionCookieName(production: boolean): string {
  // __Host- cookies must be Secure, path=/ and without Domain: only possible over HTTPS.
  return production ? '__Host-vicinato.sid' : 'vicinato.sid';
}

type StoreClient = NonNullable<Parameters<typeof MongoStore.create>[0]['client']>;

/**
 * Resolves with the driver client once the mongoose connection is open (it opens in the background).
 * mongoose bundles its own copy of the driver; connect-mongo only calls db()/collection() on it.
 */
function clientWhenOpen(conn: Connection): Promise<StoreClient> {
  return new Promise((resolve) => {
    if (conn.readyState === 1) return resolve(conn.getClient() as unknown as StoreClient);
    conn.once('open', () => resolve(conn.getClient() as unknown as StoreClient));
  });
}

export function panelSession(opts: {
  mongo: Connection;
  secret: string;
  idleMinutes: number;
  production: boolean;
  /** Keeps sessions a few seconds in this process under the revocation generation (session-cache.ts). */
  generation?: RevocationGeneration;
}): RequestHandler {
  // Whole seconds (the setting may be a fraction of a minute, e.g. in tests).
  const idleSeconds = Math.max(1, Math.round(opts.idleMinutes * 60));
  // Write the expiry back at most every 1/10 of the idle time (<= 60 s) instead of on every request.
  const touchAfter = Math.min(60, Math.floor(idleSeconds / 10));
  const mongoStore = MongoStore.create({
    clientPromise: clientWhenOpen(opts.mongo),
    collectionName: 'panel_sessions',
    ttl: idleSeconds,
    touchAfter,
    autoRemove: 'native',
    stringify: false,
  });
  const store = opts.generation ? new CachedSessionStore(mongoStore, opts.generation, touchAfter) : mongoStore;
  return session({
    name: sessionCookieName(opts.production),
    secret: opts.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.production,
      path: '/',
      maxAge: idleSeconds * 1000,
    },
  });
}
