/**
 * Bull Board, the job queues page for admins: the web role mounts it inside the panel's API
 * (src/panel/panel.ts), behind the panel's session, the admin role and CSRF. Read-only unless
 * QUEUE_BOARD_WRITE=true. Its front end and assets are served from the installed @bull-board/ui;
 * the one outside link of its page (a web font) is taken out, so nothing loads from another host.
 */
import type { Express, Request, RequestHandler, Response, NextFunction } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';

/** Any stylesheet or font link to another host (the board's page names Google Fonts). */
const OUTSIDE_LINK = /<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>/gi;

export function withoutOutsideLinks(html: string): string {
  return html.replace(OUTSIDE_LINK, '');
}

export function queueBoard(opts: {
  /** Where the board is mounted, as the browser sees it, e.g. /api/admin/queues. */
  basePath: string;
  queueNames: readonly string[];
  queue: (name: string) => Queue;
  readOnly: boolean;
  title: string;
  /** Where the board's "back" link leads (the panel). */
  panelPath: string;
}): RequestHandler {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(opts.basePath);
  createBullBoard({
    queues: opts.queueNames.map((name) => new BullMQAdapter(opts.queue(name), { readOnlyMode: opts.readOnly, allowRetries: !opts.readOnly })),
    serverAdapter: adapter,
    options: {
      uiConfig: {
        boardTitle: opts.title,
        // The docs icon links to an outside site.
        hideDocsLink: true,
        miscLinks: [{ text: 'Vicinato', url: opts.panelPath }],
      },
    },
  });
  const app = adapter.getRouter() as Express;
  // The board is an express app of its own: it would name express in every answer.
  app.disable('x-powered-by');
  const board: RequestHandler = app;
  return (req: Request, res: Response, next: NextFunction) => {
    // The page is rendered by the board's own sub-app; its HTML passes through here on the way out.
    const render = res.render.bind(res);
    res.render = ((view: string, options?: object) =>
      render(view, options ?? {}, (err: Error | null, html?: string) => (err ? next(err) : res.send(withoutOutsideLinks(html ?? ''))))) as Response['render'];
    board(req, res, next);
  };
}
