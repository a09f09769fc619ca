/**
 * The staff bot: a second Telegram bot, for operators only, with its own token. It runs in the
 * worker role, in one process at a time (a MongoDB lease: Redis may lose everything), and there it
 * long-polls Telegram for operators' messages and buttons, sends the staff outbox (dispatches,
 * pages, replies) and pages the on-call officer for urgent reports outside service hours.
 * Queuing a message needs no bot: the panel and the worker write to the outbox (src/app/staff).
 */
import os from 'node:os';
import type { LeaseStore, MediaStore, StaffLinkStore, StaffOutbox, AuditLog, NoteStore } from '../../src/domain/ports';
import type { Logger } from '../../src/log/logger';
import type { AgentActionDeps } from '../../src/app/reports/perform-agent-action';
import { pageOnCallForUrgentReports, type PagerDeps } from '../../src/app/staff/page-on-call';
import type { ReportNaming } from '../../src/app/staff/staff-deps';
import { createLongPolling, type LongPolling } from '../telegram/long-polling';
import { createTelegramApi } from '../telegram/telegram-api';
import { createStaffDelivery } from './deliver-staff-messages';
import { createStaffUpdateHandler } from './handle-staff-update';

const LEASE = 'staff-bot';

export type StaffBotOptions = {
  token: string;
  apiRoot: string;
  links: StaffLinkStore;
  outbox: StaffOutbox;
  audit: AuditLog;
  notes: NoteStore;
  media: MediaStore;
  leases: LeaseStore;
  naming: ReportNaming;
  actions: AgentActionDeps;
  operatorUsernames(): Promise<string[]>;
  pager: Omit<PagerDeps, 'links' | 'outbox' | 'naming'>;
  logger: Logger;
  /** How often the outbox is sent and the lease renewed. @defaultValue 1000 */
  tickMs?: number;
  /** How often the pager looks for urgent reports. @defaultValue 30000 */
  pagerEveryMs?: number;
  /** Long-poll timeout in seconds (short in tests). @defaultValue 25 */
  pollTimeoutSeconds?: number;
};

export function startStaffBot(opts: StaffBotOptions): { name: string; close(): Promise<void> } {
  const { logger } = opts;
  const api = createTelegramApi(opts.token, opts.apiRoot);
  const holder = `${os.hostname()}:${process.pid}:staff-bot`;
  const tickMs = opts.tickMs ?? 1_000;
  const leaseMs = Math.max(10_000, tickMs * 15);
  const staff = { links: opts.links, outbox: opts.outbox, audit: opts.audit, naming: opts.naming };
  const handleUpdate = createStaffUpdateHandler({
    api,
    links: opts.links,
    outbox: opts.outbox,
    audit: opts.audit,
    logger,
    units: { ...staff, actions: opts.actions, notes: opts.notes, operatorUsernames: opts.operatorUsernames },
  });
  const delivery = createStaffDelivery({ api, upload: { apiRoot: opts.apiRoot, token: opts.token }, outbox: opts.outbox, links: opts.links, media: opts.media, logger });
  let polling: LongPolling | undefined;
  let lastPage = 0;
  let stopped = false;

  const tick = async () => {
    let held = false;
    try {
      held = await opts.leases.acquire(LEASE, holder, leaseMs);
    } catch (err) {
      logger.warn(`staff bot lease not renewed: ${(err as Error).message}`);
      return;
    }
    if (!held) {
      if (polling) {
        logger.warn('staff bot lease taken by another process: polling stops here');
        await polling.stop({ confirm: false });
        polling = undefined;
      }
      return;
    }
    if (!polling) {
      await api.deleteWebhook().catch(() => undefined);
      polling = createLongPolling({ api, handleUpdate, logger, ...(opts.pollTimeoutSeconds ? { pollTimeoutSeconds: opts.pollTimeoutSeconds } : {}) });
      polling.start();
      logger.info('staff bot polling started');
    }
    try {
      if (Date.now() - lastPage >= (opts.pagerEveryMs ?? 30_000)) {
        lastPage = Date.now();
        const paged = await pageOnCallForUrgentReports({ ...opts.pager, links: opts.links, outbox: opts.outbox, naming: opts.naming });
        if (paged) logger.info(`staff bot: ${paged} page(s) queued for the on-call officer`);
      }
      await delivery.drain();
    } catch (err) {
      logger.warn(`staff bot pass failed, next in ${tickMs} ms: ${(err as Error).message}`);
    }
  };

  // One pass at a time: the next is scheduled when the last one ends.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, tickMs);
    });
  };
  loop();

  return {
    name: 'staff-bot',
    async close() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await polling?.stop();
      await opts.leases.release(LEASE, holder).catch(() => undefined);
    },
  };
}
