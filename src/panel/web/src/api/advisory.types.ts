/** Advisories to area-alert subscribers (GET/POST /api/advisories). */
export type AdvisoryDelivery = { queued: number; sent: number; delivered: number; read: number; failed: number; undeliverable: number };

/** The background send to the subscribers: 'sending' until every message is queued. */
export type AdvisoryState = 'sending' | 'sent' | 'failed';

export type AdvisoryItem = {
  id: string;
  zones: string[];
  zoneNames: string[];
  text: string;
  createdAt: string;
  author: string;
  authorName: string;
  state: AdvisoryState;
  finishedAt?: string;
  /** Known when the send is done (0 while sending). */
  recipients: number;
  /** Recipients with no chat known, not sent. */
  failedRecipients: number;
  delivery?: AdvisoryDelivery;
};

export type AdvisoryList = { items: AdvisoryItem[]; total: number };
