/**
 * The interfaces (ports) the application needs from storage. `src/storage` implements them;
 * intake, dialog and panel depend only on these types, never on mongoose.
 */
import type { Channel, GeoPoint, InboundMessage, InboundPayload, OutboundMessage } from './message';
import type { Outcome, Reliability, Report, ReportAction, ReportStatus } from './report';

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
  markProcessed(channel: Channel, messageId: string, reportId?: string): Promise<void>;
  markFailed(channel: Channel, messageId: string, error: string): Promise<void>;
  listForReport(reportId: string): Promise<InboxRecord[]>;
}

export type ConversationRecord<S> = { state: S | null; version: number; lastMessageId?: string };

export interface ConversationStore<S> {
  load(channel: Channel, chatId: string): Promise<ConversationRecord<S>>;
  /** Saves if the stored version is still `expectedVersion`; false on a concurrent change. */
  save(
    channel: Channel,
    chatId: string,
    citizenRef: string,
    state: S,
    expectedVersion: number,
    lastMessageId: string,
  ): Promise<boolean>;
}

export type NewReport = {
  categoryId: string;
  reliability: Reliability;
  point: GeoPoint;
  address?: string;
  zone?: string;
  zipcode?: string;
  description: string;
  photoRefs: string[];
  channel: Channel;
  citizenRef: string;
  language: 'it' | 'en';
  priority: number;
  priorityFactors?: Record<string, number>;
  /** Idempotency key: the inbound message that confirmed the report. */
  sourceMessageKey: string;
};

export type CitizenInfo = { messageId: string; at: Date; text?: string; mediaRef?: string };

export type ReportView = Report & {
  citizenInfo: CitizenInfo[];
  address?: string;
  zone?: string;
  assignee?: string;
  dispatch?: { unit?: string; note?: string; at?: Date };
  outcome?: { code?: Outcome; note?: string };
  duplicateOf?: string;
  confirmations: number;
  priorityFactors?: Record<string, number>;
  takenAt?: Date;
  dispatchedAt?: Date;
  closedAt?: Date;
};

export type ReportFilter = {
  status?: ReportStatus[];
  categoryId?: string[];
  zone?: string[];
  channel?: Channel[];
  from?: Date;
  to?: Date;
};

export type ReportPage = { items: ReportView[]; total: number };
export type ReportPageRequest = { limit: number; offset: number; sort: 'priority' | 'newest' };

export type ApplyTransitionInput = {
  id: string;
  action: ReportAction;
  actor: string;
  expectedVersion?: number;
  set?: Partial<Pick<ReportView, 'assignee' | 'dispatch' | 'outcome' | 'duplicateOf'>>;
};

export type ApplyTransitionResult =
  | { ok: true; report: ReportView; from: ReportStatus }
  | { ok: false; reason: 'not_found' | 'conflict' | 'not_allowed'; message: string; current?: ReportView };

export interface ReportStore {
  /** Creates the report once per sourceMessageKey; a retry returns the existing one. */
  createOnce(input: NewReport): Promise<{ report: ReportView; created: boolean }>;
  get(id: string): Promise<ReportView | null>;
  getByTicket(ticketCode: string): Promise<ReportView | null>;
  listByCitizen(citizenRef: string, limit: number): Promise<ReportView[]>;
  list(filter: ReportFilter, page: ReportPageRequest): Promise<ReportPage>;
  /** One page like `list`, without counting the total (callers that know it from countByStatus). */
  listItems(filter: ReportFilter, page: ReportPageRequest): Promise<ReportView[]>;
  /** Reports per status matching the filter (all statuses, or only those in filter.status). */
  countByStatus(filter: ReportFilter): Promise<Record<string, number>>;
  /** Atomic status move guarded by the transition table (and the version when given). */
  applyTransition(input: ApplyTransitionInput): Promise<ApplyTransitionResult>;
  addPhoto(id: string, mediaRef: string): Promise<void>;
  /** The citizen's most recent report waiting for details an agent asked for, if any. */
  findAwaitingInfo(citizenRef: string): Promise<ReportView | null>;
  /** Attaches what the citizen sent in answer to an agent's question. */
  addCitizenInfo(id: string, info: CitizenInfo): Promise<void>;
  findOpenNear(point: GeoPoint, categoryId: string, radiusMeters: number, since: Date): Promise<ReportView[]>;
}

/** A citizen's "it is the same situation" on another citizen's open report, kept for the police. */
export type NewConfirmation = {
  /** The citizen's message that confirmed; with `channel`, the idempotency key of the confirmation. */
  messageId: string;
  at: Date;
  citizenRef: string;
  channel: Channel;
  language: 'it' | 'en';
  /** How the confirming citizen knows. */
  reliability: Reliability;
  /** The confirming citizen's own description (police only, like the report's). */
  description: string;
  /** Their photos; also attached to the report's photoRefs. */
  photoRefs: string[];
  /** Where they placed it (police only). */
  point?: GeoPoint;
};

export type Confirmation = NewConfirmation & {
  /** false for a further confirmation by a citizen already counted (kept, not counted twice). */
  counted: boolean;
};

/**
 * A citizen who gets a report's status updates without having sent it: everyone who confirmed it
 * (and, once merging exists, the senders of reports merged into it). A status notifier sends each
 * update to the report's own citizen AND to every follower, in the follower's language.
 */
export type ReportFollower = { citizenRef: string; channel: Channel; language: 'it' | 'en'; since: Date };

/** A report with its confirmations and followers (police only: they carry citizens' references). */
export type ConfirmedReportView = ReportView & {
  confirmationsList: Confirmation[];
  followers: ReportFollower[];
  lastConfirmedAt?: Date;
};

export type PriorityScore = { score: number; factors: Record<string, number> };

export type AddConfirmationResult =
  | { ok: true; report: ConfirmedReportView; added: boolean }
  | { ok: false; reason: 'not_found' | 'not_open' };

export interface ConfirmationStore {
  /**
   * Adds a confirmation to an open report, once per channel+messageId (a retry returns
   * `added: false` and changes nothing): `confirmations` counts distinct citizens (the reporter
   * excluded), the citizen becomes a follower, their photos join the report's, and `rescore` (the
   * priority from the updated report) is stored. A report no longer open answers `not_open`.
   */
  addConfirmation(
    reportId: string,
    confirmation: NewConfirmation,
    rescore?: (report: ConfirmedReportView) => PriorityScore,
  ): Promise<AddConfirmationResult>;
  get(reportId: string): Promise<ConfirmedReportView | null>;
  /** Open or closed reports the citizen follows (confirmed), newest first: for their "stato". */
  listFollowed(citizenRef: string, limit: number): Promise<ReportView[]>;
}

export type MergeResult =
  | {
      ok: true;
      /** The report merged into, as stored after the merge. */
      report: ConfirmedReportView;
      /** false when this duplicate had been merged before (a retry changes nothing). */
      merged: boolean;
      /** What this call added: counted confirmations, followers, photos. */
      added: { confirmations: number; followers: number; photos: number };
    }
  | { ok: false; reason: 'not_found' | 'same_report' };

export interface ReportMergeStore {
  /**
   * Merges report `duplicateId` into `originalId`, once per duplicate: the original gains the
   * duplicate's photos, the details its citizen sent, the duplicate itself as a confirmation (its
   * citizen, reliability, description and photos) and the duplicate's confirmations; the duplicate's
   * citizen and followers become followers (once per citizen, never the original's own citizen);
   * `confirmations` grows by the citizens new to the original; `rescore` is stored as in
   * ConfirmationStore.addConfirmation. The duplicate's status is not changed here.
   */
  mergeInto(duplicateId: string, originalId: string, rescore?: (report: ConfirmedReportView) => PriorityScore): Promise<MergeResult>;
  /**
   * Undoes mergeInto (the duplicate was reopened: not the same situation after all): what came from
   * the duplicate leaves the original, `confirmations` is recounted, and the duplicate's citizens stop
   * following the original unless they confirmed it themselves. `unmerged: false` when it was not merged.
   */
  unmerge(
    duplicateId: string,
    originalId: string,
    rescore?: (report: ConfirmedReportView) => PriorityScore,
  ): Promise<{ ok: true; report: ConfirmedReportView; unmerged: boolean } | { ok: false; reason: 'not_found' }>;
}

export type SubscriptionKind = 'area' | 'zone';

/** A citizen's area alert ("point of interest"): advisories for a zone, or around a point. */
export type NewSubscription = {
  citizenRef: string;
  channel: Channel;
  language: 'it' | 'en';
  kind: SubscriptionKind;
  /** kind 'area': the centre and radius. */
  center?: GeoPoint;
  radiusMeters?: number;
  /**
   * kind 'zone': the zone subscribed to. kind 'area': the zone the centre lies in at subscription
   * time (territory.zoneOf), so an advisory sent to that zone reaches it; absent when the centre
   * lies in no zone.
   */
  zoneId?: string;
  /** What the citizen is shown for it, e.g. "Via del Popolo, Lammari" (no house number). */
  label?: string;
  /** The message that subscribed: a retried turn finds the subscription instead of adding another. */
  sourceMessageKey: string;
};

export type Subscription = NewSubscription & { id: string; createdAt: Date; active: boolean };

export interface SubscriptionStore {
  /** Adds the subscription once per sourceMessageKey. */
  add(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  /** The citizen's active subscriptions, oldest first. */
  listByCitizen(citizenRef: string): Promise<Subscription[]>;
  /** Deletes one of the citizen's subscriptions; false when it is not theirs or already gone. */
  remove(id: string, citizenRef: string): Promise<boolean>;
  /** Deletes all of the citizen's subscriptions ("STOP"); returns how many there were. */
  removeAll(citizenRef: string): Promise<number>;
  /**
   * For an advisory to these zones: every active subscription whose zone is one of them, or whose
   * area's centre lay in one of them when it was made (see NewSubscription.zoneId). A citizen may
   * have several: the sender sends once per citizen.
   */
  findForZones(zoneIds: string[]): Promise<Subscription[]>;
}

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
  /** Newest first. */
  list(limit: number, offset: number): Promise<{ items: Advisory[]; total: number }>;
  /** Messages of each advisory per delivery state, from the outbound log (every state present, 0 when none). */
  deliveryCounts(advisoryIds: string[]): Promise<Map<string, AdvisoryDeliveryCounts>>;
}

export type AuditEntry = {
  actor: string;
  actorRole?: string;
  action: string;
  reportId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
};

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  listForReport(reportId: string): Promise<Array<AuditEntry & { at: Date }>>;
}

export type CitizenIdentity = {
  citizenRef: string;
  channel: Channel;
  chatId: string;
  platformId?: string;
  displayName?: string;
  phone?: string;
  username?: string;
  reachable: boolean;
  lastInboundAt?: Date;
};

export interface IdentityStore {
  /** Records who is behind a citizenRef and when they last wrote. */
  upsertFromInbound(citizenRef: string, msg: InboundMessage): Promise<void>;
  get(citizenRef: string): Promise<CitizenIdentity | null>;
  markUnreachable(channel: Channel, chatId: string): Promise<void>;
}

export type OutboundState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undeliverable';

export type OutboundRecord = OutboundMessage & {
  state: OutboundState;
  seq: number;
  createdAt: Date;
  platformMessageId?: string;
  error?: string;
};

export interface OutboundLog {
  /** Records the message once per outboundId; returns false if it was already recorded. */
  record(msg: OutboundMessage): Promise<boolean>;
  /** Records several messages of one turn in order (each once per outboundId), in two round trips. */
  recordAll(msgs: OutboundMessage[]): Promise<void>;
  get(outboundId: string): Promise<OutboundRecord | null>;
  setState(outboundId: string, state: OutboundState, extra?: { platformMessageId?: string; error?: string }): Promise<void>;
  setStateByPlatformId(channel: Channel, platformMessageId: string, state: OutboundState): Promise<void>;
  listForChat(channel: Channel, chatId: string): Promise<OutboundRecord[]>;
  /** The dialog replies to one inbound message, in order. */
  listReplies(channel: Channel, inReplyTo: string): Promise<OutboundRecord[]>;
  listForReport(reportId: string): Promise<OutboundRecord[]>;
}

/** Background work the application asks for; `src/queue` implements it with BullMQ. */
export interface JobScheduler {
  /** Schedules the dialog run for a stored inbound message (idempotent per message). */
  enqueueInbound(channel: Channel, chatId: string, messageId: string): Promise<void>;
  /** Schedules delivery of a recorded outbound message on its channel (idempotent per outboundId). */
  enqueueOutbound(msg: OutboundMessage): Promise<void>;
  /**
   * Schedules the fan-out of a recorded advisory: one job per advisory (a second call while it is
   * waiting, running or done changes nothing); a job that failed for good is run again.
   */
  enqueueAdvisoryFanOut(advisoryId: string): Promise<void>;
}

/** Live events for panels and waiting callers; `src/queue` implements it with Redis pub/sub. */
export type LiveEvent =
  | { type: 'report.created'; reportId: string }
  /** `from`: the status before the change, when the publisher knows it. */
  | { type: 'report.updated'; reportId: string; status?: ReportStatus; from?: ReportStatus }
  | { type: 'inbound.processed'; channel: Channel; messageId: string };

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

/** Sends one message on a platform. Implemented in bots/<channel>; the engine never sees it. */
export interface ChannelSender {
  channel: Channel;
  send(msg: OutboundRecord): Promise<{ platformMessageId?: string }>;
}

/** The platform asked us to slow down: retry after `retryAfterMs` without counting an attempt. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** The citizen cannot be reached on this channel any more (blocked the bot, number gone). */
export class RecipientUnreachableError extends Error {
  override name = 'RecipientUnreachableError';
}

/** The platform refuses this message for good (e.g. outside WhatsApp's 24-hour window without a template). */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}

export type SavedMedia = { ok: true; ref: string; mimeType: string; bytes: number } | { ok: false; reason: 'too_large' | 'not_an_image' | 'empty' };

/** Citizens' photos: checked by content, EXIF stripped, stored for the police only. */
export interface MediaStore {
  saveImage(bytes: Buffer): Promise<SavedMedia>;
  read(ref: string): Promise<{ bytes: Buffer; mimeType: string } | null>;
}
