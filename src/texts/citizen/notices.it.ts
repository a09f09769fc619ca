/** Notices of agents' actions and the after-close question, in Italian (see notices.types.ts). */
import type { NoticePrompts } from './notices.types';

export const noticesIt: NoticePrompts = {
  head: { citizen: (ticket) => `Segnalazione ${ticket}: `, follower: (ticket) => `Segnalazione ${ticket}, che segui: ` },
  take: 'un operatore della Polizia Municipale l’ha presa in carico e la sta esaminando.',
  askInfo: (question) =>
    `la Polizia Municipale ti chiede qualche dettaglio in più:\n«${question}»\nRispondi qui in chat con un messaggio (puoi anche mandare una foto).`,
  dispatch: 'una pattuglia è stata inviata sul posto. Grazie per la collaborazione.',
  close: {
    intervention_done: 'la Polizia Municipale è intervenuta e la segnalazione è stata chiusa. Grazie per il tuo aiuto.',
    nothing_found:
      'una pattuglia ha controllato sul posto senza riscontrare la situazione descritta. La segnalazione è stata chiusa: grazie comunque per la tua attenzione.',
    not_our_competence:
      'la situazione non è di competenza della Polizia Municipale e la segnalazione è stata chiusa. Per questo tipo di problema puoi rivolgerti all’ufficio competente del Comune.',
    false_alarm: 'dopo le verifiche la segnalazione è stata chiusa. Grazie per la tua attenzione.',
  },
  closingWords: (message) => `\n«${message}»`,
  reject: 'dopo l’esame, la segnalazione è stata chiusa senza ulteriori azioni da parte della Polizia Municipale.',
  duplicate: 'la stessa situazione era già stata segnalata ed è seguita dalla Polizia Municipale. Grazie per la segnalazione.',
  merged: (into) =>
    `la stessa situazione era già stata segnalata (segnalazione ${into}) ed è seguita dalla Polizia Municipale. L’abbiamo unita a quella: la Polizia Municipale vede anche la tua descrizione e le tue foto, e ti scriverò qui gli aggiornamenti della segnalazione ${into}.`,
  emergency: 'Per le emergenze chiama sempre il 112.',
  resolution: {
    question: (ticket) => `Segnalazione ${ticket}: il problema è stato risolto? Rispondi con un tocco qui sotto.`,
    choices: { solved: 'Sì, risolto', not_solved: 'No', still_there: 'È ancora lì' },
  },
  advisory: {
    head: (p) =>
      `📢 Avviso del Comune di ${p.municipality}${p.zones ? ` per ${p.zoneCount > 1 ? 'le zone' : 'la zona'} ${p.zones}` : ''}:`,
    footer:
      'Ricevi questo messaggio perché hai attivato gli avvisi di zona. Scrivi «avvisi» per vederli o toglierli, «STOP» per disattivarli tutti.',
  },
};
