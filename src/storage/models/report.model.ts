import { Schema, type Connection, type Types } from 'mongoose';
import type { RightExercised } from '../../domain/citizen-data';
import type { Channel } from '../../domain/message';
import type { AuditEntry, CitizenInfo, ResolutionCheck } from '../../domain/ports';
import { OBSERVED_KINDS, RECURRENCES, type ObservedWhen } from '../../domain/observed-when';
import type { PublicDescription } from '../../domain/public-reports';
import { REPORT_STATUSES, RELIABILITIES, type AbuseFlag, type Outcome, type Reliability, type ReportStatus } from '../../domain/report';

/** A confirmation as stored in a report's confirmationsList (see confirmationSchema). */
export interface ConfirmationEntryDocument {
  channel: Channel;
  messageId: string;
  at: Date;
  citizenRef: string;
  language?: 'it' | 'en';
  reliability: Reliability;
  description?: string;
  photoRefs?: string[];
  point?: { lat?: number; lng?: number };
  counted?: boolean;
  statsRecorded?: boolean;
}

/** A follower as stored in a report's followers (see followerSchema). */
export interface FollowerDocument {
  citizenRef: string;
  channel: Channel;
  language?: 'it' | 'en';
  since: Date;
}

/** A status move's audit entry as stored: its _id (report + new version) makes writing it idempotent. */
export type TransitionAuditDocument = AuditEntry & { _id: string; at: Date; reason?: string };

/**
 * One document of the `reports` collection, as read back (lean): the one definition every
 * repository reading reports uses. Fields with a schema default are always present once written;
 * older documents may lack the optional ones.
 */
export interface ReportDocument {
  _id: Types.ObjectId | string;
  ticketCode: string;
  status: ReportStatus;
  categoryId: string;
  reliability: Reliability;
  location: { type: 'Point'; coordinates: number[] };
  address?: string;
  zone?: string;
  zipcode?: string;
  description?: string;
  photoRefs?: string[];
  channel: Channel;
  citizenRef: string;
  language?: 'it' | 'en';
  priority?: number;
  priorityFactors?: Record<string, number>;
  sourceMessageKey?: string;
  assignee?: string;
  team?: string;
  dispatch?: { unit?: string; note?: string; at?: Date };
  outcome?: { code?: Outcome; note?: string };
  duplicateOf?: string;
  confirmations?: number;
  confirmationsList?: ConfirmationEntryDocument[];
  lastConfirmedAt?: Date;
  followers?: FollowerDocument[];
  citizenInfo?: CitizenInfo[];
  publicId?: string;
  /** Written whole (see public-report.repository.ts); an empty object until an agent approves one. */
  publicDescription?: Partial<PublicDescription>;
  takenAt?: Date;
  dispatchedAt?: Date;
  closedAt?: Date;
  version?: number;
  lastTransition?: TransitionAuditDocument;
  statsRecorded?: boolean;
  citizenRights?: RightExercised[];
  abuseFlags?: AbuseFlag[];
  observedWhen?: ObservedWhen;
  citizenOptedOut?: boolean;
  resolutionCheck?: ResolutionCheck;
  followUpOf?: string;
  photosPurgedAt?: Date;
  pseudonymisedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const pointSchema = new Schema(
  { type: { type: String, enum: ['Point'], required: true }, coordinates: { type: [Number], required: true } },
  { _id: false },
);

/** Another citizen's "same situation" (see confirmation.repository.ts); police only. */
const confirmationSchema = new Schema(
  {
    channel: { type: String, required: true },
    messageId: { type: String, required: true },
    at: { type: Date, required: true },
    citizenRef: { type: String, required: true },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
    reliability: { type: String, enum: RELIABILITIES, required: true },
    description: { type: String, default: '' },
    photoRefs: { type: [String], default: [] },
    point: { lat: Number, lng: Number },
    /** false for a further confirmation by a citizen already counted. */
    counted: { type: Boolean, default: true },
    /** Set once the confirmation has fed the territory counters (report_stats_daily). */
    statsRecorded: { type: Boolean, default: false },
  },
  { _id: false },
);

/** A citizen following the report's status updates without having sent it. */
const followerSchema = new Schema(
  {
    citizenRef: { type: String, required: true },
    channel: { type: String, required: true },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
    since: { type: Date, required: true },
  },
  { _id: false },
);

/** The report queue. Status changes only through the domain's transition table. */
const reportSchema = new Schema(
  {
    ticketCode: { type: String, required: true },
    status: { type: String, enum: REPORT_STATUSES, required: true, default: 'new' },
    categoryId: { type: String, required: true },
    reliability: { type: String, enum: RELIABILITIES, required: true },
    location: { type: pointSchema, required: true },
    address: String,
    zone: String,
    zipcode: String,
    description: { type: String, default: '' },
    photoRefs: { type: [String], default: [] },
    channel: { type: String, required: true },
    citizenRef: { type: String, required: true },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
    priority: { type: Number, default: 0 },
    priorityFactors: { type: Schema.Types.Mixed },
    /** The inbound message whose confirmation created the report: a retry finds it instead of creating another. */
    sourceMessageKey: { type: String, required: true },
    assignee: String,
    team: String,
    dispatch: { unit: String, note: String, at: Date, operator: String, acceptedAt: Date, onSiteAt: Date },
    outcome: { code: String, note: String },
    duplicateOf: String,
    /** Distinct citizens (the reporter excluded) who confirmed the report: see confirmationsList. */
    confirmations: { type: Number, default: 0 },
    /** Every confirmation message, with its reliability, description and photos (police only). */
    confirmationsList: { type: [confirmationSchema], default: [] },
    lastConfirmedAt: Date,
    /**
     * Citizens besides the reporter who get this report's status updates (in their language):
     * those who confirmed it, and the senders of reports merged into it. The status notifier must
     * send each update to `citizenRef` and to every follower (their chats are looked up in the identity store).
     */
    followers: { type: [followerSchema], default: [] },
    /** Details the citizen sent after an agent asked for them. */
    citizenInfo: {
      type: [{ _id: false, messageId: String, at: Date, text: String, mediaRef: String }],
      default: [],
    },
    /** Random id of the report in the public Open311 API (set when first published; never the ticket code). */
    publicId: String,
    /** The description copy an agent approved for the public API (the citizen's words never are). */
    publicDescription: { text: String, approvedBy: String, approvedAt: Date },
    takenAt: Date,
    dispatchedAt: Date,
    closedAt: Date,
    version: { type: Number, default: 0 },
    /**
     * The audit entry of the latest status move, written with the move itself: without a replica set
     * (no transactions) it lets the next move write an entry a crash lost (see report.repository.ts).
     */
    lastTransition: { type: Schema.Types.Mixed },
    /** Set once the report has fed the territory counters (report_stats_daily). */
    statsRecorded: { type: Boolean, default: false },
    /** Data rights the citizen exercised through the bot (src/app/citizens/data-rights.ts): agents see them. */
    citizenRights: { type: [{ _id: false, right: String, at: Date }], default: undefined },
    /** Insults or threats in the description (src/nlp/abuse.ts): the agent is warned, nothing is refused. */
    abuseFlags: { type: [String], default: undefined },
    /**
     * When the citizen says the problem was observed (src/nlp/time-words.ts): the words as written
     * and, when they could be resolved, the approximate period. From the citizen's text: police only,
     * like the description.
     */
    observedWhen: {
      type: { _id: false, text: String, kind: { type: String, enum: OBSERVED_KINDS }, from: Date, to: Date, every: { type: String, enum: RECURRENCES } },
      default: undefined,
    },
    /** The citizen withdrew consent: no status updates are sent to them any more. */
    citizenOptedOut: Boolean,
    /** "Il problema è stato risolto?" after a close: when asked, the answer and what it did (src/app/citizens/resolution-check.ts). */
    resolutionCheck: {
      type: {
        _id: false,
        askedAt: Date,
        answer: String,
        answeredAt: Date,
        messageId: String,
        result: String,
        followUp: String,
      },
      default: undefined,
    },
    /** Ticket of the closed report this one follows up (the citizen said it was not solved). */
    followUpOf: String,
    /** When the retention job deleted the photos of this closed report. */
    photosPurgedAt: Date,
    /** When the link to the person was removed (erasure or retention): citizenRef is then a random pseudonym. */
    pseudonymisedAt: Date,
  },
  { timestamps: true, minimize: false },
);
reportSchema.index({ ticketCode: 1 }, { unique: true });
reportSchema.index({ sourceMessageKey: 1 }, { unique: true });
reportSchema.index({ publicId: 1 }, { unique: true, sparse: true });
reportSchema.index({ location: '2dsphere' });
reportSchema.index({ status: 1, priority: -1, createdAt: 1 });
// The panel's queue is read one status at a time: status alone, or with a category, zone, channel
// or date filter (see listItems in report.repository.ts).
reportSchema.index({ status: 1, categoryId: 1, priority: -1, createdAt: 1 });
reportSchema.index({ status: 1, zone: 1, priority: -1, createdAt: 1 });
reportSchema.index({ status: 1, channel: 1, priority: -1, createdAt: 1 });
reportSchema.index({ status: 1, assignee: 1, priority: -1, createdAt: 1 });
reportSchema.index({ status: 1, team: 1, priority: -1, createdAt: 1 });
reportSchema.index({ status: 1, createdAt: -1 });
// The archive by category, zone or channel and dates (a month of one category): every field of the
// filter in the index prefix, so the embedded server reads that month's reports instead of all of
// the status's years (it plans a filter only through an index whose prefix holds all its fields).
reportSchema.index({ status: 1, categoryId: 1, createdAt: -1 });
reportSchema.index({ status: 1, zone: 1, createdAt: -1 });
reportSchema.index({ status: 1, channel: 1, createdAt: -1 });
// A status move's compare-and-set ({ _id, status, version }: see applyTransition): the embedded
// MongoDB-wire server plans a filter only through an index whose prefix holds all its fields, and
// scans the whole collection otherwise (about 50 ms per move at 100,000 reports, serialising every
// request behind it).
reportSchema.index({ _id: 1, status: 1, version: 1 });
reportSchema.index({ priority: -1, createdAt: 1 });
reportSchema.index({ citizenRef: 1, createdAt: -1 });
reportSchema.index({ categoryId: 1, createdAt: -1 });
reportSchema.index({ zone: 1, createdAt: -1 });
reportSchema.index({ createdAt: -1 });
// A citizen's "stato" lists the reports they follow (confirmed) besides their own.
reportSchema.index({ 'followers.citizenRef': 1, createdAt: -1 }, { sparse: true });

export const reportModel = (conn: Connection) => conn.model<ReportDocument>('Report', reportSchema, 'reports');
