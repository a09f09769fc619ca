/**
 * GET /api/events: the live queue as Server-Sent Events. Each stream listens to the EventBus
 * (Redis pub/sub), so a report created or changed through any process reaches every panel.
 * Only ids, statuses and (for a note) the mentioned usernames travel here; the panel reads details through the JSON API.
 */
import { Router, type Request, type Response } from 'express';
import type { EventBus, LiveEvent } from '../domain/ports';

const PING_MS = 25_000;
/** How often an open stream checks that its session still stands (logout, disable, password change…). */
export const STREAM_RECHECK_MS = 5_000;

/**
 * `sessionStands` is asked every few seconds for each open stream: a stream outlives neither a
 * logout (in any process: the session is gone from the store), nor a disabled account, a password
 * or role change, "log out everywhere", nor the idle limit.
 */
export function liveEvents(
  events: EventBus,
  sessionStands: (req: Request) => Promise<boolean> = async () => true,
  recheckMs = STREAM_RECHECK_MS,
) {
  const open = new Set<Response>();
  const router = Router();
  router.get('/', (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies (nginx) must pass events through at once.
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const send = (e: LiveEvent) => {
      if (e.type !== 'report.created' && e.type !== 'report.updated' && e.type !== 'note.added' && e.type !== 'citizen.emergency') return;
      const data =
        e.type === 'report.updated'
          ? { reportId: e.reportId, status: e.status }
          : e.type === 'note.added'
            ? { reportId: e.reportId, mentions: e.mentions }
            : e.type === 'citizen.emergency'
              ? { channel: e.channel }
              : { reportId: e.reportId };
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unsubscribe = events.subscribe(send);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const recheck = setInterval(() => {
      sessionStands(req).then(
        (stands) => {
          if (!stands) res.end();
        },
        () => undefined,
      );
    }, recheckMs);
    open.add(res);
    const end = () => {
      clearInterval(ping);
      clearInterval(recheck);
      unsubscribe();
      open.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  });
  return {
    router,
    /** Ends every open stream (shutdown). */
    closeAll() {
      for (const res of open) res.end();
      open.clear();
    },
  };
}
