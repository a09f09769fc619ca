/**
 * Who is calling: every /api route after login passes through `requireOperator` (401 without a
 * valid session) and, where a role is needed, `requireRole` (403). The operator record is re-read
 * at most every few seconds, so disabling an account ends its sessions almost at once. The idle
 * limit counts only the operator's own requests: automatic refreshes (X-Background-Request: 1, the
 * live event stream) do not keep an unattended panel signed in.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { OperatorRecord, OperatorRole, OperatorStore } from '../storage';
import { panelMessage, type PanelLang } from './panel-messages';
import { MAX_SESSION_HOURS } from './session';
import type { RevocationGeneration } from './session-cache';

export type CurrentOperator = Pick<OperatorRecord, 'id' | 'username' | 'displayName' | 'role' | 'language' | 'team'>;

const RECHECK_MS = 5_000;

/**
 * `generation` (session-cache.ts): a cached account is used only under the revocation generation
 * it was read under, and `forget` moves the generation on in every web process. Without it (tests
 * of single parts), the account is re-read at most every few seconds as before.
 */
export function operatorCache(store: OperatorStore, generation?: RevocationGeneration) {
  const cache = new Map<string, { at: number; op: OperatorRecord | null; generation: string | null }>();
  return {
    /**
     * The account, re-read at most every few seconds; `sessionEpoch`: the epoch of the session asking.
     * A session newer than the cached account (its epoch moved on in another process, and this
     * session was made after) re-reads it instead of being taken for a stale one.
     */
    async get(id: string, sessionEpoch = 0): Promise<OperatorRecord | null> {
      const current = generation ? await generation.current() : null;
      const hit = cache.get(id);
      const cachedIsOlder = Boolean(hit?.op && sessionEpoch > hit.op.sessionEpoch);
      const sameGeneration = !generation || (current !== null && hit?.generation === current);
      if (hit && sameGeneration && !cachedIsOlder && Date.now() - hit.at < RECHECK_MS) return hit.op;
      const op = await store.get(id);
      if (cache.size > 10_000) cache.clear();
      cache.set(id, { at: Date.now(), op, generation: current });
      return op;
    },
    /** An account changed (sessions ended): forgotten here, and in every other web process through the generation. */
    async forget(id?: string) {
      if (id) cache.delete(id);
      else cache.clear();
      await generation?.bump();
    },
  };
}

export type OperatorCache = ReturnType<typeof operatorCache>;

export function publicOperator(op: OperatorRecord): CurrentOperator {
  return {
    id: op.id,
    username: op.username,
    displayName: op.displayName,
    role: op.role,
    language: op.language,
    ...(op.team ? { team: op.team } : {}),
  };
}

/** The logged-in operator of this request (set by requireOperator). */
export function currentOperator(res: Response): CurrentOperator {
  return res.locals.operator as CurrentOperator;
}

/** The language of this request's messages: the operator's, Italian before login. */
export function langOf(res: Response): PanelLang {
  return (res.locals.operator as CurrentOperator | undefined)?.language ?? 'it';
}

/** The header the front end puts on its automatic refreshes (see src/panel/web/src/api/client.ts). */
export const BACKGROUND_HEADER = 'x-background-request';

export type IdleOptions = {
  /** Milliseconds without a request by the operator after which the session ends. */
  idleMs: number;
  /** Paths (below the router) that are automatic by nature, e.g. the live event stream, which an EventSource cannot mark. */
  backgroundPaths?: readonly string[];
};

/** An automatic refresh (polling, live-update reloads): it must not keep an unattended panel signed in. */
export function isBackgroundRequest(req: Request, backgroundPaths: readonly string[] = []): boolean {
  return req.get(BACKGROUND_HEADER) === '1' || (req.method === 'GET' && backgroundPaths.includes(req.path));
}

/**
 * Whether this session still stands: the account exists and is enabled, its session epoch has not
 * moved on (password change, disable, role change, MFA reset, "log out everywhere"), and neither
 * the absolute nor the idle limit has passed. Used per request and by the live event stream.
 */
export function sessionStands(session: Request['session'], op: OperatorRecord | null, now: number, idleMs?: number): boolean {
  if (!op || op.disabled) return false;
  if ((session.sessionEpoch ?? 0) !== op.sessionEpoch) return false;
  if (!session.loginAt || now - session.loginAt > MAX_SESSION_HOURS * 3600_000) return false;
  const lastActive = session.lastActiveAt ?? session.loginAt;
  return idleMs === undefined || now - lastActive <= idleMs;
}

/**
 * `enrolmentPaths`: while the operator's role needs a second factor that is not set up yet, only
 * these paths are open (the panel then shows the enrolment page).
 */
export function requireOperator(operators: OperatorCache, idle?: IdleOptions, enrolmentPaths: readonly string[] = []): RequestHandler {
  // The last activity is written back at most this often (most requests then save nothing).
  const writeEveryMs = idle ? Math.min(60_000, idle.idleMs / 10) : 0;
  return (req: Request, res: Response, next: NextFunction) => {
    const id = req.session?.operatorId;
    if (!id) return void res.status(401).json({ error: panelMessage('loginRequired') });
    const now = Date.now();
    const lastActive = req.session.lastActiveAt ?? req.session.loginAt ?? 0;
    operators.get(id, req.session.sessionEpoch).then((op) => {
      if (!op || !sessionStands(req.session, op, now, idle?.idleMs)) {
        const language = op?.language;
        req.session.destroy(() => res.status(401).json({ error: panelMessage('sessionEnded', language) }));
        return;
      }
      if (req.session.mfaEnrolmentRequired && !op.mfa.secret && !enrolmentPaths.includes(req.path)) {
        return void res.status(403).json({ error: panelMessage('mfaEnrolmentRequired', op.language), mfaEnrolmentRequired: true });
      }
      // Only the operator's own requests move the idle timer; automatic refreshes leave it alone.
      if (idle && !isBackgroundRequest(req, idle.backgroundPaths) && now - lastActive >= writeEveryMs) req.session.lastActiveAt = now;
      res.locals.operator = publicOperator(op);
      next();
    }, next);
  };
}

export function requireRole(...roles: OperatorRole[]): RequestHandler {
  return (_req, res, next) => {
    if (!roles.includes(currentOperator(res).role)) return void res.status(403).json({ error: panelMessage('forbidden', langOf(res)) });
    next();
  };
}
