/** The citizen's data rights in Italian (see rights.types.ts). */
import type { LimitPrompts, RightsPrompts } from './rights.types';

export const limitsIt: LimitPrompts = {
  blocked: (until) =>
    `La Polizia Municipale ha sospeso i messaggi da questo contatto fino al ${until}: fino ad allora non verranno letti. Per le emergenze chiama il 112.`,
  tooFast: '✋ Mi stai scrivendo molti messaggi in poco tempo: aspetta un minuto e poi riprendi pure. Per le emergenze chiama il 112.',
  reportsPerDay: (max) =>
    `Hai già inviato ${max} segnalazioni nelle ultime 24 ore, il massimo per un giorno: questa non è stata inviata, la tengo da parte. Riprova più tardi scrivendo «Invia». Per le emergenze chiama il 112.`,
};

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const rightsIt: RightsPrompts = {
  retention: ({ messagesDays, identityLinkMonths, auditYears, photosMonths }) =>
    `Per quanto: i messaggi della chat e la conversazione ${messagesDays} giorni; il collegamento tra te e una segnalazione chiusa ${identityLinkMonths} mesi, poi la segnalazione resta senza di te; le foto di una segnalazione chiusa ${photosMonths} mesi; il registro delle operazioni degli agenti ${auditYears} anni.`,
  words: {
    myData: ['i miei dati', 'miei dati', 'i miei dati personali', 'dati personali', 'quali dati avete', 'cosa sapete di me'],
    export: ['copia dei miei dati', 'esporta i miei dati', 'scarica i miei dati', 'file dei miei dati', 'copia dati', 'portabilita'],
    erase: ['cancella i miei dati', 'elimina i miei dati', 'cancellare i miei dati', 'cancella tutti i miei dati', 'cancellami', 'diritto all oblio'],
    withdraw: ['revoco il consenso', 'ritiro il consenso', 'revoca il consenso', 'revoca consenso', 'ritira il consenso', 'mi oppongo al trattamento'],
  },
  howTo:
    'Puoi esercitare i tuoi diritti anche qui: scrivi «i miei dati» per vedere cosa conserviamo, «copia dei miei dati» per riceverne una copia, «cancella i miei dati» per cancellarli, «revoco il consenso» per ritirare il consenso.',
  data: {
    title: (town) => `📄 I dati che il Comune di ${town} conserva su di te:`,
    consent: ({ version, at }) => `• Informativa privacy: versione ${version}, accettata il ${at}.`,
    noConsent: "• Informativa privacy: non l'hai accettata (o hai ritirato il consenso).",
    reports: (lines) => ['• Segnalazioni che hai inviato:', ...lines].join('\n'),
    noReports: '• Segnalazioni che hai inviato: nessuna.',
    followed: (lines) => ['• Segnalazioni di altri che hai confermato e segui:', ...lines].join('\n'),
    alerts: (count) => `• Avvisi di zona attivi: ${count}.`,
    messages: (count) => `• Messaggi che ci hai scritto, conservati: ${count}.`,
    contact: '• Il tuo contatto su questo canale: serve solo per risponderti e lo vedono solo gli agenti della Polizia Municipale.',
    noContact: '• Il tuo contatto: non conservato.',
    next: 'Scrivi «copia dei miei dati» per riceverne una copia completa, «cancella i miei dati» per cancellarli, «revoco il consenso» per ritirare il consenso.',
  },
  export: {
    intro: '📎 Ecco la copia completa dei tuoi dati (formato JSON, leggibile da un computer):',
    part: ({ index, total }) => `(parte ${index} di ${total})`,
  },
  erase: {
    explain: ({ tickets }) =>
      [
        '🗑️ Se confermi cancellerò: il tuo contatto, i tuoi avvisi di zona, i messaggi di questa chat e la conversazione.',
        tickets.length
          ? `Le segnalazioni già consegnate alla Polizia Municipale (${tickets.join(', ')}) restano, ma senza più alcun collegamento con te, per il tempo previsto dalla politica di conservazione (scrivi «privacy»). Non riceverai più i loro aggiornamenti.`
          : 'Non hai segnalazioni inviate: non resterà nulla che ti riguardi.',
      ].join('\n\n'),
    prompt: 'Confermi la cancellazione? Non si può annullare.',
    choices: {
      labels: { yes: 'Sì, cancella', no: 'No, lascia stare' },
      words: { yes: ['si', 'sì', 'confermo', 'cancella', 'procedi'], no: ['no', 'lascia stare', 'non cancellare', 'no grazie'] },
    },
    help: 'Rispondi «Sì, cancella» per cancellare i tuoi dati come spiegato sopra, oppure «No, lascia stare».',
    notUnderstood: 'Non ho capito: rispondi «Sì, cancella» oppure «No, lascia stare».',
    done: ({ reports, alerts, messages }) =>
      `✅ Fatto: ho cancellato il tuo contatto, ${plural(alerts, 'avviso', 'avvisi')} di zona, ${plural(messages, 'messaggio', 'messaggi')} e la conversazione.${
        reports ? ` ${reports === 1 ? 'La segnalazione resta' : `Le ${reports} segnalazioni restano`} alla Polizia Municipale senza il collegamento con te.` : ''
      } Se mi riscrivi ricominceremo da capo, come la prima volta.`,
    kept: 'Ok, non ho cancellato nulla.',
  },
  withdraw: {
    done: "Hai ritirato il consenso: da ora non tratterò più i tuoi messaggi e non riceverai più aggiornamenti né avvisi. Le segnalazioni già inviate restano alla Polizia Municipale, che ne ha bisogno per il suo compito. Per cancellare anche i tuoi dati scrivi «cancella i miei dati». Se cambi idea scrivimi: ti riproporrò l'informativa.",
  },
};
