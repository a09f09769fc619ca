/**
 * What the staff bot writes to operators on Telegram (src/app/staff), in Italian, the default.
 * Pages carry no personal data of the citizen: ticket, category, zone, priority and a panel link only.
 */
export const staffBotIt = {
  /** The buttons of an intervention's outcome. */
  outcomeButtons: {
    intervention_done: 'Intervento effettuato',
    nothing_found: 'Nulla riscontrato',
    not_our_competence: 'Non di competenza',
    false_alarm: 'Falso allarme',
  },
  welcome:
    'Questo è il bot del personale di Vicinato. Per collegare il tuo account apri il pannello, pagina «Account», genera un codice e scrivilo qui.',
  linked: (name: string) =>
    `✅ Account collegato: ${name}. Qui riceverai gli interventi assegnati e, se sei reperibile, gli avvisi urgenti.`,
  badCode: 'Codice non valido o scaduto. Generane uno nuovo dalla pagina «Account» del pannello.',
  notLinked: 'Questo account Telegram non è collegato a un operatore attivo. Collegalo dalla pagina «Account» del pannello.',
  dispatch: (p: {
    ticket: string;
    category: string;
    place: string;
    description: string;
    /** The citizen's time words as written ("stanotte"), when the report has some. */
    observed?: string;
    priority: number;
    by: string;
    note?: string;
    link?: string;
  }) =>
    [
      `🚓 Intervento ${p.ticket}`,
      `Categoria: ${p.category}`,
      `Luogo: ${p.place}`,
      `Priorità: ${p.priority}`,
      ...(p.observed ? [`Quando (parole del cittadino): ${p.observed}`] : []),
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
  /** A page's zone when the report is in none. */
  unknownZone: 'zona non indicata',
};

export type StaffBotTexts = typeof staffBotIt;
