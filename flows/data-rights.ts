/**
 * The citizen's data rights through the bot, at any step and without consent (GDPR art. 15, 17,
 * 21): «i miei dati» says what is held, «copia dei miei dati» sends a copy, «cancella i miei dati»
 * explains what is erased and what is kept and asks for confirmation (flows/steps/erase.step.ts),
 * «revoco il consenso» stops all processing at once. The work is done by src/app/citizens/data-rights.ts.
 */
import { DateTime } from 'luxon';
import { eraseCitizenData, showCitizenData, withdrawConsent, type DataRightsDeps } from '../src/app/citizens/data-rights';
import type { DialogReply } from '../src/dialog/engine.types';
import type { FlowShortcut } from '../src/dialog/flow.types';
import type { CitizenData } from '../src/domain/citizen-data';
import { isAnytimeWord } from './anytime-words';
import type { ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';
import type { DialogServices } from './services';
import { categoryLabel } from './steps/category.steps';

type Shortcut = FlowShortcut<ReportDraft, DialogServices>;
type Right = 'myData' | 'export' | 'erase' | 'withdraw';

/** A chat message stays well under every platform's limit (Telegram 4096, WhatsApp 4096). */
export const EXPORT_PART_CHARS = 3500;

const isRight = (text: string, right: Right) => isAnytimeWord(text, right);

const rightsDeps = (ctx: ReportStepContext): DataRightsDeps => ({ data: ctx.services.citizenData, audit: ctx.services.audit });

const formatDate = (ctx: ReportStepContext, at: Date | string, withTime = false) =>
  DateTime.fromJSDate(new Date(at), { zone: ctx.services.municipality.serviceHours.timeZone }).toFormat(withTime ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy');

/** What is held, in the citizen's words (art. 15). */
export function describeData(ctx: ReportStepContext, data: CitizenData): string {
  const t = textOf(ctx).rights.data;
  const words = textOf(ctx).status.words;
  const consent = ctx.state.consent;
  const reportLine = (r: CitizenData['reports'][number]) =>
    `  ${r.ticketCode} (${formatDate(ctx, r.createdAt)}) · ${categoryLabel(r.categoryId, ctx.lang)}: ${words[r.status] ?? r.status}`;
  return [
    t.title(ctx.services.municipality.name),
    consent ? t.consent({ version: consent.version, at: formatDate(ctx, consent.at, true) }) : t.noConsent,
    data.reports.length ? t.reports(data.reports.map(reportLine)) : t.noReports,
    ...(data.followed.length ? [t.followed(data.followed.map((r) => `  ${r.ticketCode}: ${words[r.status] ?? r.status}`))] : []),
    t.alerts(data.subscriptions.length),
    t.messages(data.messageCount),
    data.hasContact ? t.contact : t.noContact,
    '',
    t.next,
  ].join('\n');
}

/** Art. 15(3) / 20: the copy as one JSON document, in as many messages as it needs. */
export function exportMessages(ctx: ReportStepContext, data: CitizenData): DialogReply[] {
  const consent = ctx.state.consent;
  const document = JSON.stringify(
    {
      generatedAt: ctx.now.toISOString(),
      municipality: ctx.services.municipality.name,
      dataController: ctx.services.municipality.dataController,
      consent: consent ? { privacyNoticeVersion: consent.version, acceptedAt: consent.at } : null,
      contactKept: data.hasContact,
      reports: data.reports,
      followedReports: data.followed,
      areaAlerts: data.subscriptions,
      messagesKept: data.messageCount,
    },
    null,
    1,
  );
  const t = textOf(ctx).rights.export;
  const parts: string[] = [];
  for (let i = 0; i < document.length; i += EXPORT_PART_CHARS) parts.push(document.slice(i, i + EXPORT_PART_CHARS));
  if (parts.length === 1) return [{ text: t.intro }, { text: parts[0] }];
  return [{ text: t.intro }, ...parts.map((part, i) => ({ text: `${t.part({ index: i + 1, total: parts.length })}\n${part}` }))];
}

export const myDataShortcut: Shortcut = {
  name: 'my-data',
  matches: (text) => isRight(text, 'myData'),
  async run(ctx) {
    const data = await showCitizenData(rightsDeps(ctx), ctx.citizenRef, 'access', ctx.now);
    return [{ text: describeData(ctx, data) }];
  },
};

export const exportShortcut: Shortcut = {
  name: 'export-data',
  matches: (text) => isRight(text, 'export'),
  async run(ctx) {
    return exportMessages(ctx, await showCitizenData(rightsDeps(ctx), ctx.citizenRef, 'export', ctx.now));
  },
};

/** «cancella i miei dati»: what will be erased and what kept, then "do you confirm?". */
export const eraseShortcut: Shortcut = {
  name: 'erase',
  matches: (text) => isRight(text, 'erase'),
  aside: STEP.eraseConfirm,
  async lead(ctx) {
    const data = await ctx.services.citizenData.collect(ctx.citizenRef);
    return [{ text: textOf(ctx).rights.erase.explain({ tickets: data.reports.map((r) => r.ticketCode) }) }];
  },
};

/** «revoco il consenso»: stops everything but this answer, at once; the chat rests without consent. */
export const withdrawShortcut: Shortcut = {
  name: 'withdraw',
  matches: (text) => isRight(text, 'withdraw'),
  async run(ctx) {
    await withdrawConsent(rightsDeps(ctx), ctx.citizenRef, ctx.now);
    return { replies: [{ text: textOf(ctx).rights.withdraw.done }], reset: 'declined' as const };
  },
};

/** Called by the erase step once the citizen confirmed. */
export async function eraseNow(ctx: ReportStepContext) {
  const origin = { channel: ctx.message.channel, chatId: ctx.message.chatId, messageId: ctx.message.messageId };
  return eraseCitizenData(rightsDeps(ctx), ctx.citizenRef, origin, ctx.now);
}

export const DATA_RIGHTS_SHORTCUTS: readonly Shortcut[] = [withdrawShortcut, eraseShortcut, exportShortcut, myDataShortcut];
