/** Report detail extras (GET /api/reports/:id): confirmations without identities, and why the priority. */
import type { Reliability } from '../../../../domain/report';

export type ConfirmationItem = {
  at: string;
  reliability: Reliability;
  description: string;
  photoUrls: string[];
  /** Ticket code of a duplicate report merged into this one. */
  mergedFrom?: string;
};

export type PriorityFactorItem = { factor: string; points: number; label: string; rule: string };

export type PriorityBreakdown = { score: number; total: number; factors: PriorityFactorItem[] };
