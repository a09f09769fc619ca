/**
 * A citizen's own data and the rights they exercise over it through the bot (GDPR art. 15 access
 * and copy, art. 17 erasure, art. 21 objection / withdrawal of consent). What is erased and what is
 * kept is decided in src/app/citizens; the port (src/domain/ports/citizen-data.ts) reads and
 * rewrites everything keyed by one citizenRef.
 */
import type { ReportStatus } from './report';

/** The rights a citizen can exercise through the bot, as agents see them on a report. */
export const CITIZEN_RIGHTS = ['access', 'export', 'erasure', 'withdrawal'] as const;
export type CitizenRight = (typeof CITIZEN_RIGHTS)[number];

export type RightExercised = { right: CitizenRight; at: Date };

/** One of the citizen's reports as they may see it: their own words, no agent notes or names. */
export type CitizenReportData = {
  ticketCode: string;
  status: ReportStatus;
  categoryId: string;
  createdAt: Date;
  address?: string;
  description: string;
  /** The time words they wrote ("stanotte"), kept as the report's "when observed". */
  observedWhen?: string;
  photos: number;
  /** What they added later (answers to agents' questions), text only. */
  added: Array<{ at: Date; text?: string; photo: boolean }>;
};

export type CitizenData = {
  /** The identity store holds their contact on this channel. */
  hasContact: boolean;
  reports: CitizenReportData[];
  /** Reports of others they confirmed ("same situation") and follow. */
  followed: Array<{ ticketCode: string; status: ReportStatus }>;
  subscriptions: Array<{ kind: 'area' | 'zone'; label?: string; createdAt: Date }>;
  /** How many of their messages the inbox holds. */
  messageCount: number;
};

export type ErasureCounts = {
  /** Own reports kept for the police without the link to the person. */
  reportsPseudonymised: number;
  /** Others' reports where their confirmation and follower entry were unlinked. */
  confirmationsUnlinked: number;
  subscriptions: number;
  messages: number;
  replies: number;
  identity: number;
};

export type WithdrawalCounts = { subscriptions: number; reports: number; followed: number };
