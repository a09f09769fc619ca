/**
 * What the staff bot writes to operators, in their panel language (Italian by default). Pages carry
 * no personal data of the citizen: ticket, category, zone, priority and a panel link only.
 */
import type { Outcome } from '../../domain/report';

type Lang = 'it' | 'en';

export const OUTCOME_BUTTONS: Record<Lang, Record<Outcome, string>> = {
  it: {
    intervention_done: 'Intervento effettuato',
    nothing_found: 'Nulla riscontrato',
    not_our_competence: 'Non di competenza',
    false_alarm: 'Falso allarme',
  },
  en: {
    intervention_done: 'Intervention done',
    nothing_found: 'Nothing found',
    not_our_competence: 'Not our competence',
    false_alarm: 'False alarm',
  },
};

const T = {
  it: {
    welcome:
      'Questo è il bot del personale di Vicinato. Per collegare il tuo account apri il pannello, pagina «Account», genera un codice e scrivilo qui.',
    linked: (name: string) => `✅ Account collegato: ${name}. Qui riceverai gli interventi assegnati e, se sei reperibile, gli avvisi urgenti.`,
    badCode: 'Codice non valido o scaduto. Generane uno nuovo dalla pagina «Account» del pannello.',
    notLinked: 'Questo account Telegram non è collegato a un operatore attivo. Collegalo dalla pagina «Account» del pannello.',
    dispatch: (p: { ticket: string; category: string; place: string; description: string; priority: number; by: string; note?: string; link?: string }) =>
      [
        `🚓 Intervento ${p.ticket}`,
        `Categoria: ${p.category}`,
        `Luogo: ${p.place}`,
        `Priorità: ${p.priority}`,
        `Descrizione: ${p.description}`,
        ...(p.note ? [`Nota della centrale: ${p.note}`] : []),
        `Inviato da: ${p.by}`,
        ...(p.link ? [`Pannello: ${p.link}`] : []),
        '',
        'Rispondi a questo messaggio per aggiungere una nota.',
      ].join('\n'),
    accept: '👍 Presa in carico',
    onSite: '📍 Sul posto',
    close: '✅ Chiudi…',
    note: '📝 Nota',
    back: '↩︎ Indietro',
    accepted: (t: string) => `Presa in carico registrata per ${t}.`,
    onSiteDone: (t: string) => `Arrivo sul posto registrato per ${t}.`,
    closed: (t: string, outcome: string) => `${t} chiusa: ${outcome}. Il cittadino è stato avvisato.`,
    chooseOutcome: (t: string) => `Esito dell’intervento ${t}:`,
    notePrompt: (t: string) => `Scrivi la nota per ${t} rispondendo a questo messaggio.`,
    noteAdded: (t: string) => `📝 Nota aggiunta a ${t}.`,
    alreadyDone: 'Già registrato.',
    notYours: 'Questo intervento non è (più) assegnato a te.',
    notDispatched: (t: string, status: string) => `${t} non è più in intervento (stato: ${status}).`,
    unknownReport: 'Segnalazione non trovata.',
    replyToNote: 'Per aggiungere una nota rispondi al messaggio dell’intervento.',
    page: (p: { ticket: string; category: string; zone: string; priority: number; link?: string }) =>
      [
        `🔔 Segnalazione urgente fuori orario: ${p.ticket}`,
        `Categoria: ${p.category}`,
        `Zona: ${p.zone}`,
        `Priorità: ${p.priority}`,
        ...(p.link ? [`Pannello: ${p.link}`] : []),
      ].join('\n'),
    emergencyPage: (p: { channel: string; time: string; link?: string }) =>
      [
        `🚨 Un cittadino ha scritto un messaggio che sembra un’emergenza (${p.channel}, ore ${p.time}).`,
        'Il bot gli ha indicato di chiamare il 112.',
        ...(p.link ? [`Pannello: ${p.link}`] : []),
      ].join('\n'),
    unlinked: 'Il collegamento con il pannello è stato rimosso.',
  },
  en: {
    welcome: 'This is the Vicinato staff bot. To link your account open the panel, «Account» page, create a code and write it here.',
    linked: (name: string) => `✅ Account linked: ${name}. You will get your dispatches here and, when on call, urgent alerts.`,
    badCode: 'Invalid or expired code. Create a new one on the panel’s «Account» page.',
    notLinked: 'This Telegram account is not linked to an active operator. Link it from the panel’s «Account» page.',
    dispatch: (p: { ticket: string; category: string; place: string; description: string; priority: number; by: string; note?: string; link?: string }) =>
      [
        `🚓 Dispatch ${p.ticket}`,
        `Category: ${p.category}`,
        `Place: ${p.place}`,
        `Priority: ${p.priority}`,
        `Description: ${p.description}`,
        ...(p.note ? [`Control room note: ${p.note}`] : []),
        `Sent by: ${p.by}`,
        ...(p.link ? [`Panel: ${p.link}`] : []),
        '',
        'Reply to this message to add a note.',
      ].join('\n'),
    accept: '👍 Accepted',
    onSite: '📍 On site',
    close: '✅ Close…',
    note: '📝 Note',
    back: '↩︎ Back',
    accepted: (t: string) => `Accepted recorded for ${t}.`,
    onSiteDone: (t: string) => `Arrival on site recorded for ${t}.`,
    closed: (t: string, outcome: string) => `${t} closed: ${outcome}. The citizen has been told.`,
    chooseOutcome: (t: string) => `Outcome of ${t}:`,
    notePrompt: (t: string) => `Write the note for ${t} as a reply to this message.`,
    noteAdded: (t: string) => `📝 Note added to ${t}.`,
    alreadyDone: 'Already recorded.',
    notYours: 'This dispatch is not (or no longer) yours.',
    notDispatched: (t: string, status: string) => `${t} is no longer dispatched (status: ${status}).`,
    unknownReport: 'Report not found.',
    replyToNote: 'To add a note, reply to the dispatch message.',
    page: (p: { ticket: string; category: string; zone: string; priority: number; link?: string }) =>
      [
        `🔔 Urgent report outside service hours: ${p.ticket}`,
        `Category: ${p.category}`,
        `Zone: ${p.zone}`,
        `Priority: ${p.priority}`,
        ...(p.link ? [`Panel: ${p.link}`] : []),
      ].join('\n'),
    emergencyPage: (p: { channel: string; time: string; link?: string }) =>
      [
        `🚨 A citizen wrote a message that reads like an emergency (${p.channel}, at ${p.time}).`,
        'The bot told them to call 112.',
        ...(p.link ? [`Panel: ${p.link}`] : []),
      ].join('\n'),
    unlinked: 'The link with the panel has been removed.',
  },
} as const;

export type StaffTexts = (typeof T)['it'];
export const staffTexts = (lang: Lang): StaffTexts => T[lang] as StaffTexts;
