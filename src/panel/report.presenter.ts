/**
 * What the panel shows of a report: the queue row (ReportSummary) and the detail. Never the
 * citizen's identity: only the pseudonymous reference stays on the server. Times in the queue are
 * given in wall time and in service time (only the hours the service is open count).
 */
import { slaState } from '../domain/sla';
import { categoryById } from '../../config/categories';
import type { ReportView } from '../domain/ports';
import { isOpenStatus } from '../domain/report';
import type { OperatorNames } from './operator-names';
import type { PanelLang } from './panel-messages';
import type { ServiceClock } from './service-clock';

export type PresentContext = {
  lang: PanelLang;
  now: Date;
  clock: ServiceClock;
  zoneNames: ReadonlyMap<string, string>;
  names: OperatorNames;
  /** A team's name in the panel's language. */
  teamName?: (id: string) => string | undefined;
  /** The service-level target of a report's first action, in service minutes. */
  slaTarget?: (r: ReportView) => number | undefined;
};

export const photoUrl = (reportId: string, ref: string) => `/api/reports/${reportId}/photos/${encodeURIComponent(ref)}`;

/** Until an agent took the report (or it was closed untaken), else until now. */
const waitingEnd = (r: ReportView, now: Date) => r.takenAt ?? r.closedAt ?? now;

export function presentSummary(r: ReportView, ctx: PresentContext) {
  const end = waitingEnd(r, ctx.now);
  const waitingServiceMs = ctx.clock.serviceMillis(r.createdAt, end);
  const sla = slaState(ctx.slaTarget?.(r), waitingServiceMs, end !== ctx.now);
  const category = categoryById(r.categoryId);
  return {
    id: r.id,
    ticketCode: r.ticketCode,
    status: r.status,
    categoryId: r.categoryId,
    categoryLabel: category?.labels[ctx.lang] ?? r.categoryId,
    reliability: r.reliability,
    zone: r.zone,
    zoneName: r.zone ? (ctx.zoneNames.get(r.zone) ?? r.zone) : undefined,
    address: r.address,
    lat: r.location.point.lat,
    lng: r.location.point.lng,
    priority: r.priority,
    channel: r.channel,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    /** Display name of the operator handling it; assigneeUsername is the stable key. */
    assignee: ctx.names.nameOf(r.assignee),
    assigneeUsername: r.assignee,
    ...(r.team ? { team: r.team, teamName: ctx.teamName?.(r.team) ?? r.team } : {}),
    waitingMs: Math.max(0, end.getTime() - r.createdAt.getTime()),
    waitingServiceMs,
    /** First-action target in service time: countdown, breach, or met once an operator acted. */
    ...(sla ? { sla } : {}),
    hasPhoto: r.photoRefs.length > 0,
    /** The citizen's time words («stanotte»), to triage by when it was observed; the detail has the period. */
    ...(r.observedWhen ? { observedWords: r.observedWhen.text } : {}),
    confirmations: r.confirmations,
    version: r.version,
  };
}

export type ReportSummary = ReturnType<typeof presentSummary>;

export function presentDetail(r: ReportView, ctx: PresentContext) {
  // A reopened report keeps its old closedAt: it is in the queue again until now.
  const end = (!isOpenStatus(r.status) && r.closedAt) || ctx.now;
  return {
    ...presentSummary(r, ctx),
    description: r.description,
    language: r.language,
    photos: r.photoRefs.map((ref) => ({ ref, url: photoUrl(r.id, ref) })),
    citizenInfo: r.citizenInfo.map((i) => ({
      at: i.at,
      ...(i.text !== undefined ? { text: i.text } : {}),
      ...(i.mediaRef ? { photoUrl: photoUrl(r.id, i.mediaRef) } : {}),
    })),
    dispatch: r.dispatch?.unit ? r.dispatch : undefined,
    outcome: r.outcome?.code || r.outcome?.note ? r.outcome : undefined,
    duplicateOf: r.duplicateOf,
    priorityFactors: r.priorityFactors,
    takenAt: r.takenAt,
    dispatchedAt: r.dispatchedAt,
    closedAt: r.closedAt,
    /** Data rights the citizen exercised through the bot; the timeline has each as an action. */
    citizenRights: r.citizenRights ?? [],
    citizenOptedOut: Boolean(r.citizenOptedOut),
    /** Insults or threats in the description: a warning for the agent, the report is not refused. */
    abuseFlags: r.abuseFlags ?? [],
    /** When the citizen says it was observed: their words and the approximate period (police only, like the description). */
    ...(r.observedWhen ? { observedWhen: r.observedWhen } : {}),
    /** "Il problema è stato risolto?" after the close: asked when, the answer, what it did. */
    resolutionCheck: r.resolutionCheck,
    /** The closed report this one follows up. */
    followUpOf: r.followUpOf,
    timeInQueue: {
      wallMs: Math.max(0, end.getTime() - r.createdAt.getTime()),
      serviceMs: ctx.clock.serviceMillis(r.createdAt, end),
    },
  };
}
