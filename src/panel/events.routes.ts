/**
 * GET /api/events: the live queue as Server-Sent Events. Each stream listens to the EventBus
 * (Redis pub/sub), so a report created or changed through any process reaches every panel.
 * Only ids and statuses travel here; the panel reads details through the JSON API.
 */
import { Router, type Response } from 'express';
import type { EventBus, LiveEvent } from '../domain/ports';

const PING_MS = 25_000;

export function liveEvents(events: EventBus) {
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
      if (e.type !== 'report.created' && e.type !== 'report.updated') return;
      const data = e.type === 'report.updated' ? { reportId: e.reportId, status: e.status } : { reportId: e.reportId };
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unsubscribe = events.subscribe(send);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    open.add(res);
    const end = () => {
      clearInterval(ping);
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
