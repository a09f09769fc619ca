/**
 * What a channel adapter gives the composition root. A channel is an interface (ARCHITECTURE
 * example 1): the engine never sees a platform type.
 */
import type { Router } from 'express';
import type { ChannelSender } from '../src/domain/ports';
import type { Channel } from '../src/domain/message';

export type ChannelModule = {
  channel: Channel;
  /** Sends outbound messages; runs where the channel's outbound worker runs. */
  sender?: ChannelSender;
  /** HTTP routes served by the web role (webhooks, simulator API), mounted at `mountPath`. */
  http?: { mountPath: string; router: Router };
  /** Starts receiving (long polling, a browser session...). */
  start?(): Promise<void>;
  /** Stops receiving and releases platform resources. */
  stop?(): Promise<void>;
  /** Readiness details (e.g. WhatsApp login state) for /readyz. */
  readiness?: { name: string; check(): Promise<boolean>; details?(): unknown };
  /** Outbound worker options: the platform's rate limit. */
  outboundLimiter?: { max: number; duration: number };
  outboundConcurrency?: number;
  /**
   * Replies may be sent by the dialog turn's own job, in the worker, right after they are recorded
   * (one job per turn instead of one more per reply). The sender must refuse with a RateLimitedError
   * what has to wait (per-chat order, the platform's throughput): such a reply, and the turn's later
   * ones, still go to the queue (and its `outboundLimiter`).
   */
  sendsInline?: boolean;
};
