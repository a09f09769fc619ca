/** Port of supervisors' advisories to area-alert subscribers. Implemented by src/storage. */
import type { OutboundState } from './outbound';

/** A supervisor's advisory to the area-alert subscribers of some zones. */
export type NewAdvisory = {
  zones: string[];
  text: string;
  /** Username of the supervisor who sent it. */
  author: string;
  /** The sender's idempotency key (a retried POST finds the advisory instead of sending it twice). */
  requestKey?: string;
};

/**
 * Where an advisory's fan-out (one message per subscriber, done by a background job) stands:
 * 'sending' until every subscriber's message is recorded and queued, then 'sent'; 'failed' when the
 * job gave up after its retries (a retried send with the same Idempotency-Key starts it again).
 */
export type AdvisoryState = 'sending' | 'sent' | 'failed';

export type Advisory = Omit<NewAdvisory, 'requestKey'> & {
  id: string;
  createdAt: Date;
  state: AdvisoryState;
  /** Subscribed citizens it is for: set when the fan-out finishes (0 before). */
  recipients: number;
  /** Recipients whose message could not be queued (no chat known for them): set with recipients. */
  failedRecipients: number;
  /** When the fan-out finished or gave up. */
  finishedAt?: Date;
};

export type AdvisoryDeliveryCounts = Record<OutboundState, number>;

export interface AdvisoryStore {
  /** Creates the advisory, state 'sending', once per requestKey (`created: false` returns the earlier one). */
  create(input: NewAdvisory): Promise<{ advisory: Advisory; created: boolean }>;
  get(id: string): Promise<Advisory | null>;
  /** The fan-out finished: state 'sent' with its counts. */
  markSent(id: string, counts: { recipients: number; failedRecipients: number }): Promise<void>;
  /** The fan-out gave up: state 'failed', unless it is no longer 'sending'. */
  markFailed(id: string): Promise<void>;
  /** A failed advisory sent again: back to 'sending' (no change unless it is 'failed'). */
  markSending(id: string): Promise<void>;
  /** Advisories still 'sending' created before `before`, oldest first (the reconciler's scan). */
  listSending(before: Date, limit: number): Promise<Advisory[]>;
  /** Newest first. */
  list(limit: number, offset: number): Promise<{ items: Advisory[]; total: number }>;
  /** Messages of each advisory per delivery state, from the outbound log (every state present, 0 when none). */
  deliveryCounts(advisoryIds: string[]): Promise<Map<string, AdvisoryDeliveryCounts>>;
}
