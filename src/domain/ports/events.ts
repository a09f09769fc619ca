/** Port of live events for panels and waiting callers. Implemented by src/queue (Redis pub/sub). */
import type { Channel } from '../message';
import type { ReportStatus } from '../report';

/** Live events for panels and waiting callers; `src/queue` implements it with Redis pub/sub. */
export type LiveEvent =
  | { type: 'report.created'; reportId: string }
  /** `from`: the status before the change, when the publisher knows it. */
  | { type: 'report.updated'; reportId: string; status?: ReportStatus; from?: ReportStatus }
  | { type: 'inbound.processed'; channel: Channel; messageId: string }
  /** An internal note was added; `mentions` are the usernames it names (their "for me" list changed). */
  | { type: 'note.added'; reportId: string; mentions: string[] }
  /** A citizen wrote something that reads like an emergency (the bot pointed them to 112). Nothing about who. */
  | { type: 'citizen.emergency'; channel: Channel };

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
}
