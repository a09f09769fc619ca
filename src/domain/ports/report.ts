/**
 * Port of the reports aggregate: creation (once per confirming message), reads for the queue and the
 * dialog, and status moves. Every status move goes through `applyTransition`, which writes the audit
 * entry in the same operation. Implemented by src/storage.
 */
import type { Channel, GeoPoint } from '../message';
import type { RightExercised } from '../citizen-data';
import type { AbuseFlag, Outcome, Reliability, Report, ReportAction, ReportStatus } from '../report';
import type { ObservedWhen } from '../observed-when';

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
  /** Insults or threats in the description, shown to the agent. */
  abuseFlags?: AbuseFlag[];
  /** When the citizen says it was observed ("stanotte", "da tre giorni"): the words and their period. */
  observedWhen?: ObservedWhen;
  /** Ticket of the closed report this one follows up ("not solved" after a close). */
  followUpOf?: string;
};

export type CitizenInfo = { messageId: string; at: Date; text?: string; mediaRef?: string };

/** The citizen's answer to "Il problema è stato risolto?" after a close (src/app/citizens/resolution-check.ts). */
export type ResolutionAnswer = 'solved' | 'not_solved' | 'still_there';
/** What the answer did: nothing more, the report reopened, a linked follow-up report opened, or too late to reopen. */
export type ResolutionResult = 'recorded' | 'reopened' | 'follow_up' | 'late';
export type ResolutionCheck = {
  askedAt: Date;
  answer?: ResolutionAnswer;
  answeredAt?: Date;
  /** Key of the answering message: a retried turn finds its own answer. */
  messageId?: string;
  result?: ResolutionResult;
  /** Ticket of the follow-up report opened by a "no". */
  followUp?: string;
};

export type ReportView = Report & {
  citizenInfo: CitizenInfo[];
  address?: string;
  zone?: string;
  assignee?: string;
  /** The team the report is assigned to (the assignee's, or a team as a whole). */
  team?: string;
  /**
   * `operator`: the linked operator (a patrol's phone) the dispatch was sent to through the staff bot;
   * `acceptedAt`/`onSiteAt`: when that unit answered from the bot.
   */
  dispatch?: { unit?: string; note?: string; at?: Date; operator?: string; acceptedAt?: Date; onSiteAt?: Date };
  outcome?: { code?: Outcome; note?: string };
  duplicateOf?: string;
  confirmations: number;
  priorityFactors?: Record<string, number>;
  takenAt?: Date;
  dispatchedAt?: Date;
  closedAt?: Date;
  /** Data rights the citizen exercised through the bot (access, export, erasure, withdrawal). */
  citizenRights?: RightExercised[];
  /** Insults or threats in the description (src/nlp/abuse.ts), shown to the agent. */
  abuseFlags?: AbuseFlag[];
  /** When the citizen says it was observed (src/nlp/time-words.ts), police only like the description. */
  observedWhen?: ObservedWhen;
  /** The inbound message whose confirmation created the report (a retried turn finds its own report). */
  sourceMessageKey?: string;
  /** The citizen withdrew consent: no status updates to them. */
  citizenOptedOut?: boolean;
  /** "Il problema è stato risolto?" asked after the close, and the answer. */
  resolutionCheck?: ResolutionCheck;
  /** Ticket of the closed report this one follows up. */
  followUpOf?: string;
};

export type ReportFilter = {
  status?: ReportStatus[];
  categoryId?: string[];
  zone?: string[];
  channel?: Channel[];
  from?: Date;
  to?: Date;
  /** An operator's username, or null for reports nobody holds. */
  assignee?: string | null;
  team?: string;
};

export type ReportPage = { items: ReportView[]; total: number };
export type ReportPageRequest = { limit: number; offset: number; sort: 'priority' | 'newest' };

/**
 * One status move and who made it. The store writes the move and its audit entry (action, actor,
 * role, reason, details with from/to/version) as one operation: in a transaction where MongoDB runs
 * as a replica set, otherwise the entry is recorded right after the move under a key made of the
 * report and its new version, and a later move of the same report writes it if a crash lost it.
 */
export type ApplyTransitionInput = {
  id: string;
  action: ReportAction;
  /** Who moves it: an operator's username, or 'citizen' (an answer to an agent's question). */
  actor: string;
  actorRole?: string;
  /** Why, in the actor's words (a rejection's reason, a reopening's note), kept in the audit entry. */
  reason?: string;
  /** More for the audit entry (unit, outcome, the question asked...). */
  details?: Record<string, unknown>;
  requestId?: string;
  expectedVersion?: number;
  /** Fields to write; one given as undefined is removed. */
  set?: Partial<Pick<ReportView, 'assignee' | 'team' | 'dispatch' | 'outcome' | 'duplicateOf'>>;
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
  /**
   * The one way a report changes status: an atomic move guarded by the state table (and the
   * version when given), audited in the same operation (see ApplyTransitionInput).
   */
  applyTransition(input: ApplyTransitionInput): Promise<ApplyTransitionResult>;
  addPhoto(id: string, mediaRef: string): Promise<void>;
  /** The citizen's most recent report waiting for details an agent asked for, if any. */
  findAwaitingInfo(citizenRef: string): Promise<ReportView | null>;
  /** Attaches what the citizen sent in answer to an agent's question. */
  addCitizenInfo(id: string, info: CitizenInfo): Promise<void>;
  /** Starts the after-close question: asked now, no answer yet (a later close asks again). */
  markResolutionAsked(id: string, at: Date): Promise<void>;
  /** The citizen's most recent closed report asked "solved?" since `since` and not answered yet. */
  findAwaitingResolution(citizenRef: string, since: Date): Promise<ReportView | null>;
  /**
   * Records the answer once (and counts it in the indicators): null when the report already has
   * an answer or is not waiting for one.
   */
  recordResolutionAnswer(id: string, input: { answer: ResolutionAnswer; at: Date; messageId: string }): Promise<ReportView | null>;
  /** What the answer did (reopened, follow-up...), for the panel. */
  setResolutionResult(id: string, result: ResolutionResult, followUp?: string): Promise<void>;
  findOpenNear(point: GeoPoint, categoryId: string, radiusMeters: number, since: Date): Promise<ReportView[]>;
}
