/** Port of the inbox: every inbound message stored before the platform is acknowledged. Implemented by src/storage. */
import type { Channel, InboundMessage, InboundPayload } from '../message';

export type InboxRecord = {
  id: string;
  channel: Channel;
  messageId: string;
  chatId: string;
  citizenRef: string;
  receivedAt: Date;
  payload: InboundPayload;
  /** The sender's app language (e.g. Telegram's language_code): not personal, kept for the dialog. */
  languageCode?: string;
  state: 'received' | 'processed' | 'failed';
};

export interface InboxStore {
  /** Stores the message; `duplicate: true` when the same channel+messageId was stored before. */
  save(msg: InboundMessage, citizenRef: string): Promise<{ duplicate: boolean; record: InboxRecord }>;
  get(channel: Channel, messageId: string): Promise<InboxRecord | null>;
  /** Messages of one chat not yet processed, in arrival order (platform time, then storage order). */
  listPending(channel: Channel, chatId: string): Promise<InboxRecord[]>;
  /** Messages of every chat still unprocessed and received before `before`, oldest first (the reconciler's scan). */
  listUnprocessed(before: Date, limit: number): Promise<InboxRecord[]>;
  markProcessed(channel: Channel, messageId: string, reportId?: string): Promise<void>;
  markFailed(channel: Channel, messageId: string, error: string): Promise<void>;
  listForReport(reportId: string): Promise<InboxRecord[]>;
  /** Links messages (e.g. the voice notes a report was dictated with) to the report, for its timeline. */
  linkToReport(channel: Channel, messageIds: string[], reportId: string): Promise<void>;
}
