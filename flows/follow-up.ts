/**
 * Adding to an open report after it was sent. With no dialog in progress, «aggiungi» ("add"), or a
 * photo or text while the citizen has an open report, asks "Aggiungere a VIC-…?" (one tap; a choice
 * of reports when several are open); the chosen report then takes photos (up to REPORT_MAX_PHOTOS
 * in all) and words until «fatto» (flows/steps/follow-up.steps.ts). The work is done by
 * src/app/reports/add-to-report.ts (police only, audited, only while the report is open).
 */
import { addToReport } from '../src/app/reports/add-to-report';
import type { StepSuccess } from '../src/dialog/flow.types';
import type { InboundMessage } from '../src/domain/message';
import { isOpenStatus } from '../src/domain/report';
import type { CitizenInfo, ReportView } from '../src/domain/ports';
import { messageKey } from './message-key';
import { categoryClassifier, categoryMenuOptions, engineNlp, matchChoice } from './nlp';
import { promptsFor } from '../src/texts/citizen';
import type { FollowUpWhat } from '../src/texts/citizen/care.types';
import { emptyDraft, type FollowUpDraft, type ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';
import { DEFAULT_CARE } from './services';
import { LANGUAGES } from '../src/dialog/state';

/** At most this many open reports are offered as choices (the most recent). */
export const MAX_OFFERED_REPORTS = 4;
/** After this long without an addition, a photo or text is asked about again. */
export const FOLLOW_UP_WINDOW_MS = 15 * 60_000;

export const careSettings = (ctx: ReportStepContext) => ctx.services.care ?? DEFAULT_CARE;

let addWords: Record<string, string[]> | undefined;
/** «aggiungi» / "add" in any language (a ticket code may follow: «aggiungi VIC-2026-000012»). */
export function isAddWord(text: string): boolean {
  addWords ??= { add: LANGUAGES.flatMap((lang) => promptsFor(lang).care.followUp.words) };
  return engineNlp.matchKeyword(text.replace(TICKET_IN_TEXT, ' '), addWords) === 'add';
}
const TICKET_IN_TEXT = /\bVIC-\d{4}-\d{1,}\b/i;

export async function openReportsOf(ctx: ReportStepContext): Promise<ReportView[]> {
  const recent = await ctx.services.reports.listByCitizen(ctx.citizenRef, 20);
  return recent.filter((r) => isOpenStatus(r.status)).slice(0, MAX_OFFERED_REPORTS);
}

export const whatOf = (pending: FollowUpDraft['pending']): FollowUpWhat =>
  !pending ? 'nothing' : pending.mediaRef ? 'photo' : 'text';

/**
 * Called by the resting step before a message starts a new report: the offer to add it to an open
 * report, or undefined to go on as before. Not again within the same turn (the citizen said "new").
 */
export async function offerFollowUp(ctx: ReportStepContext): Promise<StepSuccess<ReportDraft> | undefined> {
  if (ctx.state.step === STEP.followUpPick) return undefined;
  const { payload } = ctx.message;
  const addWord = payload.kind === 'text' && Boolean(ctx.text) && isAddWord(ctx.text!);
  if (!addWord && !(payload.kind === 'text' && ctx.text) && !(payload.kind === 'photo' && payload.mediaRef)) return undefined;
  const t = textOf(ctx).care.followUp;
  let open = await openReportsOf(ctx);
  const quoted = ctx.text?.match(TICKET_IN_TEXT)?.[0]?.toUpperCase();
  if (addWord && quoted) {
    const named = await ctx.services.reports.getByTicket(quoted);
    if (named && named.citizenRef === ctx.citizenRef) {
      if (!isOpenStatus(named.status)) return offerNewReport(t.closed(named.ticketCode));
      open = [named];
    }
  }
  if (!addWord && payload.kind === 'text' && looksLikeNewReport(ctx.text!, open)) return undefined;
  if (open.length === 0) {
    if (!addWord) return undefined;
    const [last] = await ctx.services.reports.listByCitizen(ctx.citizenRef, 1);
    return offerNewReport(last ? t.closed(last.ticketCode) : t.nothingOpen);
  }
  const pending = addWord ? undefined : pendingOf(ctx.message, ctx.text);
  const followUp: FollowUpDraft = { ...(pending ? { pending } : {}), choices: open.map((r) => ({ id: r.id, ticket: r.ticketCode })) };
  return { ok: true, next: STEP.followUpPick, draft: { ...emptyDraft(), followUp } };
}

/**
 * A text that is only a category's name ("rifiuti": the start of a report), or that is about another
 * kind of problem than every open report ("lampione spento" while a rubbish report is open), is a
 * new report: nothing is asked.
 */
function looksLikeNewReport(text: string, open: readonly ReportView[]): boolean {
  if (matchChoice(text, categoryMenuOptions()).ok) return true;
  const suggested = categoryClassifier().suggest(text)?.categoryId;
  return suggested !== undefined && !open.some((r) => r.categoryId === suggested);
}

/** A closed report cannot be added to: said, then the first question of a new report. */
const offerNewReport = (text: string): StepSuccess<ReportDraft> => ({
  ok: true,
  next: STEP.category,
  draft: emptyDraft(),
  replies: [{ text }],
});

function pendingOf(message: InboundMessage, text: string | undefined): FollowUpDraft['pending'] {
  const { payload } = message;
  return {
    messageId: messageKey(message),
    at: message.receivedAt.toISOString(),
    ...(text ? { text } : {}),
    ...(payload.kind === 'photo' && payload.mediaRef ? { mediaRef: payload.mediaRef } : {}),
  };
}

/** Adds one photo or text to the chosen report and says what happened; the chat stays ready for more. */
export async function addAndReply(
  ctx: ReportStepContext,
  target: { id: string; ticket: string },
  info: CitizenInfo,
): Promise<StepSuccess<ReportDraft>> {
  const t = textOf(ctx).care.followUp;
  const { maxPhotos } = careSettings(ctx);
  const result = await addToReport({ reports: ctx.services.reports, audit: ctx.services.audit }, target.id, info, maxPhotos);
  const draft: ReportDraft = { ...emptyDraft(), followUp: { reportId: target.id, ticket: target.ticket, lastAt: ctx.now.toISOString() } };
  if (!result.ok && result.reason !== 'photo_limit') return offerNewReport(t.closed(target.ticket));
  if (!result.ok) return { ok: true, next: STEP.followUpMore, draft, replies: [{ text: t.photoLimit({ ticket: target.ticket, max: maxPhotos }), choices: [t.done.label] }] };
  return {
    ok: true,
    next: STEP.followUpMore,
    draft,
    replies: [
      { text: t.added({ ticket: target.ticket, photo: Boolean(info.mediaRef), photos: result.photos, max: maxPhotos }), choices: [t.done.label] },
    ],
    reportId: target.id,
    reportUpdated: true,
  };
}

/** What a message adds: its text (or caption) and photo, keyed by the message. */
export function infoOf(ctx: ReportStepContext): CitizenInfo | undefined {
  const { payload } = ctx.message;
  if (payload.kind === 'photo' && payload.mediaRef)
    return { messageId: messageKey(ctx.message), at: ctx.message.receivedAt, mediaRef: payload.mediaRef, ...(ctx.text ? { text: ctx.text } : {}) };
  if (payload.kind === 'text' && ctx.text) return { messageId: messageKey(ctx.message), at: ctx.message.receivedAt, text: ctx.text };
  return undefined;
}
