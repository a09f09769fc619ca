/**
 * A report and its status machine. One `transition` function with a table of allowed moves:
 * every status change in the system goes through it (see ARCHITECTURE example 3).
 */
import type { Channel, GeoPoint } from './message';

export const REPORT_STATUSES = ['new', 'in_review', 'needs_info', 'dispatched', 'closed', 'rejected', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const OPEN_STATUSES: readonly ReportStatus[] = ['new', 'in_review', 'needs_info', 'dispatched'];
export const isOpenStatus = (s: ReportStatus) => OPEN_STATUSES.includes(s);

export const RELIABILITIES = ['seen', 'heard', 'unsure'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export const OUTCOMES = ['intervention_done', 'nothing_found', 'not_our_competence', 'false_alarm'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ReportAction =
  | 'take'
  | 'ask_info'
  | 'info_received'
  | 'dispatch'
  | 'close'
  | 'reject'
  | 'mark_duplicate'
  | 'reopen'
  /** Give the report to an operator or a team; the status stays. */
  | 'assign'
  /** Hand the report back to the queue: nobody holds it any more. */
  | 'release'
  /** The dispatched unit, from the staff bot: it has the dispatch in hand; the status stays. */
  | 'unit_accepted'
  /** The dispatched unit, from the staff bot: it is on the spot; the status stays. */
  | 'unit_on_site';

/** Allowed moves: action -> from which statuses -> to which status. */
export const TRANSITIONS: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus | 'unchanged' }> = {
  take: { from: ['new'], to: 'in_review' },
  ask_info: { from: ['in_review', 'dispatched'], to: 'needs_info' },
  info_received: { from: ['needs_info'], to: 'in_review' },
  dispatch: { from: ['in_review', 'needs_info'], to: 'dispatched' },
  close: { from: ['in_review', 'dispatched', 'needs_info'], to: 'closed' },
  reject: { from: ['new', 'in_review', 'needs_info'], to: 'rejected' },
  mark_duplicate: { from: ['new', 'in_review', 'needs_info'], to: 'duplicate' },
  reopen: { from: ['closed', 'rejected', 'duplicate'], to: 'in_review' },
  assign: { from: ['new', 'in_review', 'needs_info', 'dispatched'], to: 'unchanged' },
  release: { from: ['in_review', 'needs_info'], to: 'new' },
  unit_accepted: { from: ['dispatched'], to: 'unchanged' },
  unit_on_site: { from: ['dispatched'], to: 'unchanged' },
};

export type TransitionResult = { ok: true; to: ReportStatus } | { ok: false; reason: string };

export function transition(from: ReportStatus, action: ReportAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule) return { ok: false, reason: `unknown action ${action}` };
  if (!rule.from.includes(from)) return { ok: false, reason: `cannot ${action} a report in status ${from}` };
  return { ok: true, to: rule.to === 'unchanged' ? from : rule.to };
}

export type ReportLocation = { point: GeoPoint; address?: string; zone?: string; zipcode?: string };

/** What a description may hold that the agent is warned about (src/nlp/abuse.ts); never a reason to refuse. */
export type AbuseFlag = 'insult' | 'threat';

export type Report = {
  id: string;
  ticketCode: string;
  status: ReportStatus;
  categoryId: string;
  reliability: Reliability;
  location: ReportLocation;
  description: string;
  photoRefs: string[];
  channel: Channel;
  /**
   * Pseudonymous reference of the citizen (HMAC), never a phone number. The chat to reply to is
   * looked up in the identity store when a message is sent: reports keep no platform identity.
   */
  citizenRef: string;
  priority: number;
  language: 'it' | 'en';
  createdAt: Date;
  updatedAt: Date;
  version: number;
};
