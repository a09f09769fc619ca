/**
 * Prometheus metrics of one process (prom-client), served on /metrics by every role next to the
 * health endpoints. What an operator alerts on: backlogs and their oldest item (from MongoDB, the
 * source of truth), messages in and out per channel, what the reconciler had to re-schedule, HTTP
 * latency by route, whether each dependency answers (MongoDB, Redis, the WhatsApp Web session, the
 * Telegram registration: the same checks as /readyz), job durations, failures and queue depth, and
 * the process itself (CPU, memory, event-loop lag). deploy/prometheus/alerts.yml alerts on these names.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type DependencyCheck = { name: string; check: () => Promise<boolean> };
export type JobOutcome = 'completed' | 'failed' | 'delayed';
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** A scrape never waits on a dependency that is down (ioredis queues commands while disconnected). */
const SCRAPE_WAIT_MS = 2000;
const bounded = <T>(p: Promise<T>): Promise<T | undefined> =>
  Promise.race([p.catch(() => undefined), new Promise<undefined>((r) => void setTimeout(r, SCRAPE_WAIT_MS))]);

export type BacklogProbe = () => Promise<{ inbox: { count: number; oldestAt?: Date }; outbound: { count: number; oldestAt?: Date } }>;

export function createMetrics(opts: { role: string; backlog?: BacklogProbe }) {
  const registry = new Registry();
  registry.setDefaultLabels({ role: opts.role });
  collectDefaultMetrics({ register: registry, prefix: 'vicinato_' });

  const httpDuration = new Histogram({
    name: 'vicinato_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const messagesIn = new Counter({
    name: 'vicinato_messages_received_total',
    help: 'Inbound messages stored, per channel (redeliveries not counted)',
    labelNames: ['channel'],
    registers: [registry],
  });
  const messagesOut = new Counter({
    name: 'vicinato_messages_sent_total',
    help: 'Outbound messages handed to the platform, per channel',
    labelNames: ['channel'],
    registers: [registry],
  });
  const outboundFailures = new Counter({
    name: 'vicinato_outbound_failures_total',
    help: 'Outbound messages given up (undeliverable or unconfirmed), per channel',
    labelNames: ['channel'],
    registers: [registry],
  });
  const deferred = new Counter({
    name: 'vicinato_messages_deferred_total',
    help: 'Messages stored while Redis did not take their job (left to the reconciler)',
    registers: [registry],
  });
  const reconciled = new Counter({
    name: 'vicinato_reconciler_rescheduled_total',
    help: 'Items the reconciler re-scheduled from MongoDB, per kind',
    labelNames: ['kind'],
    registers: [registry],
  });

  const jobDuration = new Histogram({
    name: 'vicinato_job_duration_seconds',
    help: 'Queue jobs run by this process, by queue and outcome (delayed: waited out an infrastructure fault or a rate limit)',
    labelNames: ['queue', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'vicinato_job_failures_total',
    help: 'Queue job attempts that failed, by queue (final: no attempt left)',
    labelNames: ['queue', 'final'],
    registers: [registry],
  });
  let dependencies: DependencyCheck[] = [];
  new Gauge({
    name: 'vicinato_dependency_up',
    help: 'Whether each dependency of this process answers (1) or not (0): mongodb, redis, whatsapp (WhatsApp Web session ready: 0 when logged out and a QR is needed), telegram',
    labelNames: ['dependency'],
    registers: [registry],
    async collect() {
      const results = await Promise.all(dependencies.map(async (d) => [d.name, (await bounded(d.check())) === true] as const));
      this.reset();
      for (const [name, up] of results) this.set({ dependency: name }, up ? 1 : 0);
    },
  });
  let queueCounts: { names: string[]; counts: (queue: string) => Promise<Record<string, number>> } | undefined;
  new Gauge({
    name: 'vicinato_queue_jobs',
    help: 'Jobs in the Redis queues this process works, by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      if (!queueCounts) return;
      const { names, counts } = queueCounts;
      // Redis down: the gauge is left empty (vicinato_dependency_up says why).
      const all = await Promise.all(names.map(async (q) => [q, await bounded(counts(q))] as const));
      this.reset();
      for (const [queue, c] of all) if (c) for (const state of QUEUE_STATES) this.set({ queue, state }, c[state] ?? 0);
    },
  });

  if (opts.backlog) {
    const probe = opts.backlog;
    // One MongoDB probe per scrape, shared by the four gauges.
    let pending: Promise<Awaited<ReturnType<BacklogProbe>>> | undefined;
    const read = () => (pending ??= probe().finally(() => setTimeout(() => (pending = undefined), 1000)));
    const age = (at?: Date) => (at ? (Date.now() - at.getTime()) / 1000 : 0);
    new Gauge({
      name: 'vicinato_inbox_backlog',
      help: 'Inbound messages stored and not yet processed',
      registers: [registry],
      async collect() {
        this.set((await read()).inbox.count);
      },
    });
    new Gauge({
      name: 'vicinato_inbox_oldest_age_seconds',
      help: 'Age of the oldest unprocessed inbound message (0 when none)',
      registers: [registry],
      async collect() {
        this.set(age((await read()).inbox.oldestAt));
      },
    });
    new Gauge({
      name: 'vicinato_outbound_backlog',
      help: 'Outbound messages recorded and not yet sent',
      registers: [registry],
      async collect() {
        this.set((await read()).outbound.count);
      },
    });
    new Gauge({
      name: 'vicinato_outbound_oldest_age_seconds',
      help: 'Age of the oldest unsent outbound message (0 when none)',
      registers: [registry],
      async collect() {
        this.set(age((await read()).outbound.oldestAt));
      },
    });
  }

  return {
    registry,
    observeHttp: (method: string, route: string, status: number, seconds: number) =>
      httpDuration.observe({ method, route, status: String(status) }, seconds),
    messageReceived: (channel: string) => messagesIn.inc({ channel }),
    messageSent: (channel: string) => messagesOut.inc({ channel }),
    outboundFailed: (channel: string) => outboundFailures.inc({ channel }),
    messageDeferred: () => deferred.inc(),
    jobDone: (queue: string, seconds: number, outcome: JobOutcome, final = false) => {
      jobDuration.observe({ queue, outcome }, seconds);
      if (outcome === 'failed') jobFailures.inc({ queue, final: String(final) });
    },
    /** The readiness checks of this process, reported as vicinato_dependency_up on every scrape. */
    watchDependencies: (checks: DependencyCheck[]) => {
      dependencies = checks;
    },
    /** The queues this process works, reported as vicinato_queue_jobs on every scrape. */
    watchQueues: (names: string[], counts: (queue: string) => Promise<Record<string, number>>) => {
      queueCounts = { names, counts };
    },
    reconciled: (counts: { inbound: number; outbound: number; advisories: number }) => {
      for (const [kind, n] of Object.entries(counts)) if (n > 0) reconciled.inc({ kind }, n);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
