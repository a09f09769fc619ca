/** Texts the panel's API writes itself (error answers by status, territory views and exports, timeline, password hint): in Italian, the default. */
export const serverIt = {
  /** The stable answer for an error status (src/panel/errors.ts). */
  httpStatus: {
    '400': 'Richiesta non valida.',
    '401': 'Autenticazione richiesta.',
    '403': 'Operazione non consentita.',
    '404': 'Risorsa non trovata.',
    '405': 'Metodo non consentito.',
    '413': 'Richiesta troppo grande.',
    '415': 'Tipo di contenuto non supportato.',
    '429': 'Troppe richieste: riprova tra poco.',
    '500': 'Errore interno.',
    '503': 'Servizio momentaneamente non disponibile.',
  },
  /** src/panel/territory-labels.ts */
  territory: {
    noZone: 'Fuori dalle zone',
    allReports: 'Tutte le segnalazioni',
    windowTooLong: 'Richiesta non valida: l’intervallo può essere al massimo di {days} giorni.',
    exportTooLarge: 'Troppe segnalazioni da esportare ({count}; massimo {max}): restringi i filtri (per esempio le date) e riprova.',
  },
  /** What the citizen sent, in the report's timeline (src/panel/report-timeline.ts). */
  timeline: {
    location: 'Posizione',
    photo: 'Foto',
    photoNotReceived: 'Foto non ricevuta',
    voice: 'Messaggio vocale',
    voiceNotReceived: 'Messaggio vocale non ricevuto',
    unsupported: 'Messaggio non gestito ({type})',
    /** What the citizen added to a report. */
    addedPhoto: 'una foto',
    addedMessage: 'un messaggio',
    /** A report reopened by the citizen's answer to the after-close question. */
    notSolved: 'il cittadino dice che il problema non è risolto',
  },
  /** When the strength checker gives no hint of its own (src/panel/password-strength.ts). */
  passwordHarder: 'Scegli una password più difficile da indovinare.',
};

export type PanelServerTexts = {
  [K in keyof typeof serverIt]: (typeof serverIt)[K] extends string ? string : Record<keyof (typeof serverIt)[K], string>;
};
