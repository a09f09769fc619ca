/**
 * What the citizen reads when an agent acts on their report, in the report's language.
 * Worded for a citizen: no agent names, no patrol units, no internal notes, no other citizen's
 * ticket; a neutral wording for rejections and duplicates.
 */
import type { Outcome, ReportAction } from './report';

type Lang = 'it' | 'en';

export type CitizenNotice =
  | { action: 'take' }
  | { action: 'ask_info'; question: string }
  | { action: 'dispatch' }
  | { action: 'close'; outcome: Outcome }
  | { action: 'reject' }
  | { action: 'mark_duplicate' };

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

/** The text sent to the citizen for an agent's action on report `ticketCode`. */
export function citizenNoticeText(notice: CitizenNotice, ticketCode: string, lang: Lang): string {
  const head = lang === 'it' ? `Segnalazione ${ticketCode}: ` : `Report ${ticketCode}: `;
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
      return head + CLOSE_TEXT[lang][notice.outcome];
    case 'reject':
      return (
        head +
        (lang === 'it'
          ? `dopo l’esame, la segnalazione è stata chiusa senza ulteriori azioni da parte della Polizia Municipale. ${EMERGENCY.it}`
          : `after review, the report has been closed without further action by the Municipal Police. ${EMERGENCY.en}`)
      );
    case 'mark_duplicate':
      return (
        head +
        (lang === 'it'
          ? 'la stessa situazione era già stata segnalata ed è seguita dalla Polizia Municipale. Grazie per la segnalazione.'
          : 'the same situation had already been reported and the Municipal Police are following it. Thank you for reporting it.')
      );
  }
}

/** Actions after which the citizen is told something; the others (reopen, info_received) stay internal. */
export const NOTIFIED_ACTIONS: readonly ReportAction[] = ['take', 'ask_info', 'dispatch', 'close', 'reject', 'mark_duplicate'];
