/**
 * What the citizen reads when an agent acts on their report, in the report's language.
 * Worded for a citizen: no agent names, no patrol units, no internal notes, nothing about who else
 * reported or confirmed; a neutral wording for rejections and duplicates. The same update goes to
 * the report's followers (citizens who confirmed it, or whose report was merged into it), each in
 * their own language, with a head saying it is a report they follow. A merged duplicate names the
 * ticket it was merged into: the one whose updates the citizen receives from then on.
 */
import type { Outcome, ReportAction } from './report';

type Lang = 'it' | 'en';

export type CitizenNotice =
  | { action: 'take' }
  | { action: 'ask_info'; question: string }
  | { action: 'dispatch' }
  /** `message`: closing words from a reply template, in the citizen's language. */
  | { action: 'close'; outcome: Outcome; message?: string }
  | { action: 'reject' }
  /** `mergedInto`: the ticket the report was merged into (its updates reach this citizen from now on). */
  | { action: 'mark_duplicate'; mergedInto?: string };

/** Who is reading: the report's own citizen, or a follower of it. */
export type NoticeReader = 'citizen' | 'follower';

const CLOSE_TEXT: Record<Lang, Record<Outcome, string>> = {
  it: {
    intervention_done: 'la Polizia Municipale è intervenuta e la segnalazione è stata chiusa. Grazie per il tuo aiuto.',
    nothing_found:
      'una pattuglia ha controllato sul posto senza riscontrare la situazione descritta. La segnalazione è stata chiusa: grazie comunque per la tua attenzione.',
    not_our_competence:
      'la situazione non è di competenza della Polizia Municipale e la segnalazione è stata chiusa. Per questo tipo di problema puoi rivolgerti all’ufficio competente del Comune.',
    false_alarm: 'dopo le verifiche la segnalazione è stata chiusa. Grazie per la tua attenzione.',
  },
  en: {
    intervention_done: 'the Municipal Police intervened and the report has been closed. Thank you for your help.',
    nothing_found:
      'a patrol checked the place and did not find the situation you described. The report has been closed: thank you for your attention all the same.',
    not_our_competence:
      'the situation is not a matter for the Municipal Police and the report has been closed. For this kind of problem please contact the relevant office of the Municipality.',
    false_alarm: 'after checking, the report has been closed. Thank you for your attention.',
  },
};

const EMERGENCY: Record<Lang, string> = {
  it: 'Per le emergenze chiama sempre il 112.',
  en: 'In an emergency always call 112.',
};

/** The text sent to the citizen (or a follower) for an agent's action on report `ticketCode`. */
export function citizenNoticeText(notice: CitizenNotice, ticketCode: string, lang: Lang, reader: NoticeReader = 'citizen'): string {
  const head =
    reader === 'follower'
      ? lang === 'it'
        ? `Segnalazione ${ticketCode}, che segui: `
        : `Report ${ticketCode}, which you follow: `
      : lang === 'it'
        ? `Segnalazione ${ticketCode}: `
        : `Report ${ticketCode}: `;
  switch (notice.action) {
    case 'take':
      return (
        head +
        (lang === 'it'
          ? `un operatore della Polizia Municipale l’ha presa in carico e la sta esaminando. ${EMERGENCY.it}`
          : `an officer of the Municipal Police has taken it in charge and is reviewing it. ${EMERGENCY.en}`)
      );
    case 'ask_info':
      return (
        head +
        (lang === 'it'
          ? `la Polizia Municipale ti chiede qualche dettaglio in più:\n«${notice.question}»\nRispondi qui in chat con un messaggio (puoi anche mandare una foto).`
          : `the Municipal Police would like a few more details:\n“${notice.question}”\nPlease answer here in the chat (you can also send a photo).`)
      );
    case 'dispatch':
      return (
        head +
        (lang === 'it'
          ? 'una pattuglia è stata inviata sul posto. Grazie per la collaborazione.'
          : 'a patrol has been sent to the place. Thank you for your help.')
      );
    case 'close':
      return head + CLOSE_TEXT[lang][notice.outcome] + (notice.message ? `\n«${notice.message}»` : '');
    case 'reject':
      return (
        head +
        (lang === 'it'
          ? `dopo l’esame, la segnalazione è stata chiusa senza ulteriori azioni da parte della Polizia Municipale. ${EMERGENCY.it}`
          : `after review, the report has been closed without further action by the Municipal Police. ${EMERGENCY.en}`)
      );
    case 'mark_duplicate':
      if (notice.mergedInto) return head + mergedText(notice.mergedInto, lang);
      return (
        head +
        (lang === 'it'
          ? 'la stessa situazione era già stata segnalata ed è seguita dalla Polizia Municipale. Grazie per la segnalazione.'
          : 'the same situation had already been reported and the Municipal Police are following it. Thank you for reporting it.')
      );
  }
}

function mergedText(into: string, lang: Lang): string {
  return lang === 'it'
    ? `la stessa situazione era già stata segnalata (segnalazione ${into}) ed è seguita dalla Polizia Municipale. L’abbiamo unita a quella: la Polizia Municipale vede anche la tua descrizione e le tue foto, e ti scriverò qui gli aggiornamenti della segnalazione ${into}.`
    : `the same situation had already been reported (report ${into}) and the Municipal Police are following it. We merged it into that one: the Municipal Police also see your description and photos, and I will write here with the updates of report ${into}.`;
}

/** Actions after which the citizen is told something; the others (reopen, info_received) stay internal. */
export const NOTIFIED_ACTIONS: readonly ReportAction[] = ['take', 'ask_info', 'dispatch', 'close', 'reject', 'mark_duplicate'];

/**
 * Actions whose notice also goes to the followers. Not ask_info: the question is for the citizen
 * who sent the report, whose answer the dialog attaches to it (a follower's would not be).
 */
export const FOLLOWER_NOTIFIED_ACTIONS: readonly ReportAction[] = ['take', 'dispatch', 'close', 'reject', 'mark_duplicate'];

/** The after-close question's answers, in the order offered (src/app/citizens/resolution-check.ts). */
export const RESOLUTION_ANSWERS = ['solved', 'not_solved', 'still_there'] as const;

/** The buttons of "Il problema è stato risolto?", as the citizen reads them. */
export const RESOLUTION_CHOICES: Record<Lang, Record<(typeof RESOLUTION_ANSWERS)[number], string>> = {
  it: { solved: 'Sì, risolto', not_solved: 'No', still_there: 'È ancora lì' },
  en: { solved: 'Yes, solved', not_solved: 'No', still_there: 'It’s still there' },
};

/** Asked once after a close (never for a sensitive category: the citizen sees nothing new there). */
export function resolutionQuestionText(ticketCode: string, lang: Lang): string {
  return lang === 'it'
    ? `Segnalazione ${ticketCode}: il problema è stato risolto? Rispondi con un tocco qui sotto.`
    : `Report ${ticketCode}: has the problem been solved? Tap an answer below.`;
}
