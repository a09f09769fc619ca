/** The staff bot in the panel (linking Telegram, dispatch to a patrol's phone, on call, emergency alerts): in Italian, the default. `{name}` marks a value filled in by the panel. */
export const staffIt = {
  telegramTitle: 'Telegram (bot del personale)',
  telegramIntro:
    'Collega il tuo Telegram per ricevere sul telefono gli interventi che ti assegnano e, se sei reperibile, gli avvisi urgenti fuori orario.',
  telegramOff: 'Il bot del personale non è configurato in questa installazione.',
  telegramLinked: 'Collegato dal {date}.',
  telegramNotLinked: 'Non collegato.',
  telegramNewCode: 'Genera un codice di collegamento',
  telegramCode: 'Scrivi questo codice al bot del personale su Telegram entro le {time}: {code}',
  telegramUnlink: 'Scollega Telegram',
  telegramUnlinked: 'Telegram scollegato.',
  telegramOnCall: 'Sei indicato come reperibile.',
  dispatchPhone: 'Invia al telefono di (bot del personale)',
  dispatchPhoneNone: 'Nessuno: solo in centrale',
  dispatchPhoneHint: 'L’operatore riceve ticket, categoria, luogo con mappa e descrizione e risponde con i pulsanti.',
  dispatchPhoto: 'Includi le foto (l’invio resta nel registro degli accessi)',
  onCallTitle: 'Reperibilità',
  onCallIntro:
    'Gli operatori reperibili e collegati a Telegram ricevono fuori orario le segnalazioni urgenti e i messaggi che sembrano emergenze.',
  onCallNone: 'Nessun operatore ha collegato Telegram.',
  onCallToggle: 'Reperibile: {name}',
  emergencyTitle: 'Possibile emergenza',
  emergencyBody: 'Un cittadino ha scritto un messaggio che sembra un’emergenza ({channel}); il bot gli ha indicato il 112.',
};

export type StaffKey = keyof typeof staffIt;
