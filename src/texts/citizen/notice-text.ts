/**
 * The text a citizen (or a follower) reads when an agent acts on report `ticketCode`, in the
 * report's language: the wording is in notices.it.ts / notices.en.ts, the shapes in
 * src/domain/notifications.ts.
 */
import type { CitizenNotice, NoticeReader } from '../../domain/notifications';
import type { ResolutionAnswer } from '../../domain/ports';
import type { Language } from '../../domain/message';
import { promptsFor } from './index';

export function citizenNoticeText(notice: CitizenNotice, ticketCode: string, lang: Language, reader: NoticeReader = 'citizen'): string {
  const t = promptsFor(lang).notices;
  const head = t.head[reader](ticketCode);
  switch (notice.action) {
    case 'take':
      return `${head}${t.take} ${t.emergency}`;
    case 'ask_info':
      return head + t.askInfo(notice.question);
    case 'dispatch':
      return head + t.dispatch;
    case 'close':
      return head + t.close[notice.outcome] + (notice.message ? t.closingWords(notice.message) : '');
    case 'reject':
      return `${head}${t.reject} ${t.emergency}`;
    case 'mark_duplicate':
      return head + (notice.mergedInto ? t.merged(notice.mergedInto) : t.duplicate);
  }
}

/** The buttons of "Il problema è stato risolto?", as the citizen reads them. */
export const RESOLUTION_CHOICES: Record<Language, Record<ResolutionAnswer, string>> = {
  it: promptsFor('it').notices.resolution.choices,
  en: promptsFor('en').notices.resolution.choices,
};

/** Asked once after a close (never for a sensitive category: the citizen sees nothing new there). */
export const resolutionQuestionText = (ticketCode: string, lang: Language): string =>
  promptsFor(lang).notices.resolution.question(ticketCode);

/**
 * What a citizen subscribed to area alerts reads when a supervisor sends an advisory: the
 * supervisor's words as written (never parsed), framed by who sends it, for which zone, and how to
 * manage or stop the alerts, in the subscriber's language.
 */
export function advisoryText(text: string, ctx: { municipality: string; zoneNames: readonly string[]; lang: Language }): string {
  const t = promptsFor(ctx.lang).notices.advisory;
  return [t.head({ municipality: ctx.municipality, zones: ctx.zoneNames.join(', '), zoneCount: ctx.zoneNames.length }), text, t.footer].join('\n\n');
}
