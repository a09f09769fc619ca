/** The shapes of the panel's HTTP API, as agreed in the panel API contract. */
import type { Outcome, Reliability, ReportStatus } from '../../../../domain/report';
import type { Channel } from '../../../../domain/message';
import type { ConfirmationItem, PriorityBreakdown } from './confirmation.types';
import type { ReportActionBody } from '../../../report-action.schema';

export type { Outcome, Reliability, ReportStatus, Channel };

export type Role = 'agent' | 'supervisor' | 'admin';
export type Language = 'it' | 'en';

export type Operator = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  language: Language;
  team?: string;
};

export type SessionInfo = {
  operator: Operator;
  csrfToken: string;
  /** Signed in, but the role needs two-step verification that is not set up yet. */
  mfaEnrolmentRequired?: boolean;
  mfa?: { enabled: boolean; required: boolean; recoveryCodesLeft: number };
};

export type CategoryInfo = {
  id: string;
  label: string;
  labels: { it: string; en: string };
  severity: number;
  sensitive: boolean;
};

export type Meta = {
  municipality: { name: string; center: { lat: number; lng: number }; bbox: [number, number, number, number] };
  categories: CategoryInfo[];
  zones: { id: string; name: string }[];
  statuses: ReportStatus[];
  outcomes: Outcome[];
  serviceHours: {
    open: boolean;
    description: string;
    nextOpening?: string;
    timeZone: string;
    /** Closures announced for the next two weeks (local times). */
    closures?: Array<{ from: string; to: string; note?: string }>;
  };
  mapTileUrl: string;
  /** Priority from which a new report plays a sound and shows a desktop notification. */
  alertPriority: number;
  /** `alertCategories`: the categories of new reports this team is alerted for (absent: all). */
  teams: Array<{ id: string; name: { it: string; en: string }; alertCategories?: string[] }>;
  /** Active operators, for assignments and mentions. */
  operators: Array<{ username: string; displayName: string; team?: string }>;
  /** How long personal data is kept (config RETENTION_*), and the retention job's last run. */
  retention?: { messagesDays: number; identityLinkMonths: number; photosMonths: number; auditYears: number; lastRunAt: string | null };
};

export type ReportSummary = {
  id: string;
  ticketCode: string;
  status: ReportStatus;
  categoryId: string;
  categoryLabel?: string;
  reliability: Reliability;
  zone?: string;
  zoneName?: string;
  address?: string;
  lat: number;
  lng: number;
  priority: number;
  channel: Channel;
  createdAt: string;
  updatedAt: string;
  /** Who has the report in charge (display name or username). */
  assignee?: string;
  /** The assignee's username: the stable key (the display name may change). */
  assigneeUsername?: string;
  waitingMs: number;
  waitingServiceMs: number;
  hasPhoto: boolean;
  /** The citizen's time words as written («stanotte»): when they say it was observed. */
  observedWords?: string;
  confirmations: number;
  version: number;
  team?: string;
  teamName?: string;
  /** First-action target in service time. */
  sla?: { targetMinutes: number; remainingMs: number; breached: boolean; stopped: boolean };
};

export type ReportCounts = Partial<Record<ReportStatus, number>>;

export type ReportList = { items: ReportSummary[]; total: number; counts: ReportCounts };

export type TimelineEntry = {
  at: string;
  /** `note`: an internal note, never shown to the citizen. */
  kind: 'inbound' | 'outbound' | 'action' | 'note';
  text: string;
  actor?: string;
  state?: string;
  /** A kept voice note, played through the audited route. */
  audioUrl?: string;
};

export type MentionNote = {
  id: string;
  reportId: string;
  ticketCode?: string;
  author: string;
  authorName?: string;
  text: string;
  at: string;
  unread: boolean;
};

export type ReportDetail = ReportSummary & {
  description: string;
  /** Data rights the citizen exercised through the bot. */
  citizenRights?: Array<{ right: 'access' | 'export' | 'erasure' | 'withdrawal'; at: string }>;
  citizenOptedOut?: boolean;
  /** Insults or threats found in the description. */
  abuseFlags?: Array<'insult' | 'threat'>;
  /**
   * When the citizen says it was observed: the words as written ("stanotte") and, when they could
   * be resolved, the approximate period (`since`: from `from` until the message) or the recurrence.
   */
  observedWhen?: {
    text: string;
    kind?: 'moment' | 'since' | 'recurring';
    from?: string;
    to?: string;
    every?: 'night' | 'evening' | 'morning' | 'afternoon' | 'day' | 'weekend';
  };
  photos: { ref: string; url: string }[];
  citizenInfo: { at: string; text?: string; photoUrl?: string }[];
  dispatch?: { unit?: string; note?: string; at?: string };
  outcome?: { code?: Outcome; note?: string };
  duplicateOf?: string;
  priorityFactors?: Record<string, number>;
  takenAt?: string;
  dispatchedAt?: string;
  closedAt?: string;
  timeInQueue?: { wallMs: number; serviceMs: number };
  /** "Il problema è stato risolto?" after the close, and the citizen's answer. */
  resolutionCheck?: {
    askedAt: string;
    answer?: 'solved' | 'not_solved' | 'still_there';
    answeredAt?: string;
    result?: 'recorded' | 'reopened' | 'follow_up' | 'late';
    followUp?: string;
  };
  /** The closed report this one follows up. */
  followUpOf?: string;
};

export type ReportDetailResponse = {
  report: ReportDetail;
  timeline: TimelineEntry[];
  /** Other citizens' confirmations (and merged duplicates), without who they are. */
  confirmations?: ConfirmationItem[];
  /** Why this priority: each factor's points and its rule. */
  priorityFactors?: PriorityBreakdown;
};

export type Identity = {
  channel: Channel;
  displayName?: string;
  phone?: string;
  username?: string;
  reachable: boolean;
};

/** An action's body without the version (the client adds it): the server's own schema type. */
export type ActionRequest = ReportActionBody extends infer B ? (B extends unknown ? Omit<B, 'version'> : never) : never;

export type PanelAction = ActionRequest['action'];

export type OperatorListItem = { username: string; displayName: string; role: Role; disabled: boolean; mfaEnabled: boolean; team?: string };

export type WhatsappStatus = { state: string; qrDataUrl?: string; updatedAt?: string; detail?: string };
