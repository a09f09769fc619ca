/** Advisories to area-alert subscribers (GET/POST /api/advisories). */
export type AdvisoryDelivery = { queued: number; sent: number; delivered: number; read: number; failed: number; undeliverable: number };

export type AdvisoryItem = {
  id: string;
  zones: string[];
  zoneNames: string[];
  text: string;
  createdAt: string;
  author: string;
  authorName: string;
  recipients: number;
  delivery?: AdvisoryDelivery;
};

export type AdvisoryList = { items: AdvisoryItem[]; total: number };
