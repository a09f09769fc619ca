/** What the report dialog says in Italian (the default language). */
import type { ReportPrompts } from './types';
import { limitsIt, rightsIt } from './rights.it';
import { voiceIt } from './voice.it';
import { careIt } from './care.it';
import { noticesIt } from './notices.it';
import { channelsIt } from './channels.it';
import { simulatorIt } from './simulator.it';

export const it: ReportPrompts = {
  // --- engine ---------------------------------------------------------------------------------
  emergency:
    '🚨 Se qualcuno è in pericolo in questo momento, chiama subito il 112. Questo servizio non è seguito in tempo reale e non sostituisce i numeri di emergenza.',
  unsupported: {
    other: 'Mi dispiace, non riesco ad ascoltare i vocali né ad aprire video, adesivi o documenti (una foto mandala come foto).',
    photo: 'Grazie, ma a questa domanda non si risponde con una foto.',
    location: 'Grazie, ma a questa domanda non si risponde con una posizione.',
    text: 'Qui non posso usare un messaggio scritto.',
  },
  cancelled: 'Ok, ho annullato la segnalazione: non è stata inviata. Scrivimi quando vuoi per farne una nuova.',
  cancelledBeforeConsent:
    'Va bene, nessun problema: non ho salvato nulla. Se cambi idea scrivimi quando vuoi. Per le emergenze chiama il 112.',
  nothingToCancel: 'Non hai nessuna segnalazione in corso. Per farne una nuova scrivimi un messaggio qualsiasi.',
  backAtStart: 'Siamo già alla prima domanda.',
  expired: '⌛ La segnalazione che avevi iniziato è rimasta ferma più di 24 ore ed è stata cancellata senza essere inviata.',
  resumeQuestion: 'Bentornato! Avevi una segnalazione a metà. Vuoi riprendere da dove eri rimasto o ricominciare da capo?',
  resumeChoices: { resume: 'Riprendi', restart: 'Ricomincia' },
  resumeWords: {
    resume: ['riprendere', 'continua', 'continuare', 'vai avanti', 'avanti', 'sì', 'si'],
    restart: ['ricominciare', 'da capo', 'ricomincia da capo', 'nuova', 'no'],
  },
  resumed: 'Ok, riprendiamo.',
  restarted: 'Ok, ricominciamo da capo.',
  restartedAfterUpdate: 'Abbiamo aggiornato il servizio e la segnalazione che avevi iniziato non si può riprendere: scusa, ricominciamo.',
  languageSwitched: 'Ok, da ora parliamo in italiano. (Write «english» to switch to English.)',
  notUnderstood: 'Non ho capito.',
  alreadyInProgress: 'Hai già una segnalazione in corso: continuiamo da qui.',
  helpOffer: '💡 Ti do una mano:',
  generalHelp:
    "Con Vicinato segnali alla Polizia Municipale problemi di sicurezza e degrado. Scrivimi un messaggio qualsiasi e ti farò poche domande: cosa succede, dove, una foto se ce l'hai e una breve descrizione. 🚨 Per le emergenze chiama il 112.",
  commandsHelp:
    "Puoi scrivere in ogni momento: «indietro» per tornare alla domanda prima, «annulla» per lasciar perdere, «stato» per vedere le tue segnalazioni, «avvisi» per gli avvisi di zona, «privacy» per l'informativa, «english» per passare all'inglese.",
  commandWords: {
    // Not "stop": alone, it ends the area alerts (see alerts.stopped).
    cancel: [
      'annulla', 'annullare', 'cancella', 'basta', 'esci', 'lascia perdere', 'lascia stare', 'lasciamo perdere', 'lasciamo stare',
      'lascia perdere non fa niente', 'lascia stare non fa niente', 'ci ho ripensato', 'non voglio piu segnalare',
    ],
    back: ['indietro', 'torna indietro', 'torna'],
    help: ['aiuto', 'aiutami', 'help', '?', 'non capisco', 'come funziona'],
    status: ['stato', 'le mie segnalazioni', 'mie segnalazioni', 'segnalazioni'],
    privacy: ['privacy', 'informativa', 'informativa privacy'],
    language: ['lingua', 'cambia lingua'],
    english: ['inglese', 'in inglese'],
    italian: ['italiano', 'in italiano'],
    start: ['start', 'inizia', 'nuova segnalazione', 'segnala', 'ciao'],
  },
  asideClosed: 'Ok, ho chiuso il menu degli avvisi.',
  asideDone: 'Torniamo alla segnalazione che stavi facendo.',
  voice: voiceIt,

  // --- first contact and consent -----------------------------------------------------------------
  welcome: ({ town, hours, closedUntil }) =>
    [
      `👋 Ciao! Sono Vicinato, il servizio del Comune di ${town} per segnalare alla Polizia Municipale problemi di sicurezza e di degrado: rifiuti abbandonati, lampioni spenti, vandalismi, movimenti sospetti e altro.`,
      '🚨 Non è un servizio di emergenza: se qualcuno è in pericolo adesso chiama subito il 112.',
      `🕗 Le segnalazioni vengono lette ${hours}.${closedUntil ? ` Ora il servizio è chiuso: riapre ${closedUntil}.` : ''}`,
    ].join('\n\n'),
  consent: {
    question: ({ controller }) =>
      [
        '🔒 Prima di iniziare, la privacy in breve:',
        '• conserviamo quello che ci mandi per la segnalazione (cosa, dove, descrizione, foto) e i messaggi di questa chat, per poterti rispondere;',
        '• chi sei e le tue foto li vede solo la Polizia Municipale: non vengono mai pubblicati;',
        `• titolare del trattamento: ${controller}.`,
        "Scrivi «privacy» per l'informativa completa.",
        '',
        'Accetti?',
      ].join('\n'),
    choices: {
      labels: { accept: 'Accetto', refuse: 'Non accetto' },
      words: {
        accept: ['accetta', 'accettare', 'sì', 'si', 'ok', 'va bene', "d'accordo", 'certo'],
        // Not "rifiuto": it shares its stem with "rifiuti" (waste), a likely first answer.
        refuse: ['non accettare', 'no', 'non acconsento', 'non voglio', 'no grazie'],
      },
    },
    notUnderstood: "Per continuare ho bisogno che tu accetti l'informativa: rispondi «Accetto» oppure «Non accetto».",
    keptForLater: "Ho ricevuto la tua segnalazione: la leggo appena accetti l'informativa. Rispondi «Accetto» oppure «Non accetto».",
    accepted: 'Grazie! 🙏',
    refused: 'Va bene, nessun problema: non ho salvato nulla. Se cambi idea scrivimi quando vuoi. Per le emergenze chiama il 112.',
    outdated: "L'informativa privacy è stata aggiornata: ti chiedo di leggerla e accettarla di nuovo prima di continuare.",
    help: "Ti chiedo di accettare l'informativa perché senza il tuo consenso non posso registrare la segnalazione. Scrivi «privacy» per leggerla tutta, poi rispondi «Accetto» o «Non accetto».",
  },
  privacyNotice: ({ controller, version }) =>
    [
      `🔒 Informativa privacy (versione ${version})`,
      `Titolare del trattamento: ${controller}.`,
      'Cosa conserviamo: le segnalazioni che invii (cosa, quanto sei sicuro, luogo, descrizione, foto), i messaggi di questa chat e un codice anonimo al posto del tuo numero o nome utente. Il tuo contatto resta in un archivio separato e serve solo per risponderti.',
      'Chi li vede: la tua identità e le foto solo gli agenti della Polizia Municipale. Dalle foto togliamo i dati nascosti (come la posizione GPS). I dati pubblici delle segnalazioni non contengono mai nome, contatti o foto; per i casi delicati nemmeno la descrizione o il punto esatto.',
      'Perché: per gestire la tua segnalazione e, se serve, chiederti qualche dettaglio.',
      'I tuoi diritti: puoi chiedere al titolare di vedere, correggere o cancellare i tuoi dati.',
    ].join('\n\n'),
  yesNo: {
    labels: { yes: 'Sì', no: 'No' },
    words: {
      yes: ['si', 'ok', 'esatto', 'giusto', 'confermo', 'corretto', 'va bene', 'yes'],
      no: ['sbagliato', 'non è giusto', 'non e questo', 'errato', 'nope'],
    },
  },
  newReport: 'Ciao! 👋 Facciamo una nuova segnalazione.',
  whenKept: (when) => `Ok, «${when}»: me lo segno.`,
  thanks: {
    words: ['grazie', 'grazie mille', 'ok grazie', 'perfetto grazie', '👍', '🙏'],
    courtesy: [
      'molte grazie', 'tante grazie', 'grazie infinite', 'grazie a voi', 'gentilissimi', 'gentilissima', 'gentilissimo', 'gentili',
      'siete bravi', 'bravissimi', 'buona giornata', 'buona serata', 'buon lavoro', 'arrivederci', 'a presto', 'cordiali saluti',
      'saluti', 'ok', 'okay', 'va bene', 'perfetto', 'ottimo', 'benissimo', 'davvero',
    ],
    reply: "Grazie a te! 😊 Se vuoi fare un'altra segnalazione scrivimi quando vuoi.",
  },
  serviceQuestions: {
    anonymity:
      '🔒 Il tuo contatto lo possono vedere solo gli agenti della Polizia Municipale, quando serve per il loro lavoro, e ogni volta resta registrato. Non viene mai mostrato a nessun altro, tanto meno alla persona segnalata, e nulla di quello che scrivi viene pubblicato con il tuo nome.',
    hours: (hours) => `🕗 Le segnalazioni vengono lette ${hours}. Non è un servizio di emergenza: se qualcuno è in pericolo adesso chiama il 112.`,
    whatNext:
      "Dopo l'invio un agente della Polizia Municipale legge la segnalazione, se serve ti fa qualche domanda qui in chat e decide come intervenire, per esempio mandando una pattuglia. Ti scrivo a ogni passo; scrivi «stato» per sapere a che punto è.",
    photo: '📷 Sì, mandala pure qui in chat: la vedrà solo la Polizia Municipale. Evita di fotografare volti e targhe se non serve.',
  },
  greetings: ['ciao', 'salve', 'buongiorno', 'buon giorno', 'buonasera', 'buona sera', 'buon pomeriggio', 'buondì', 'ehi', 'ehilà', 'pronto'],

  // --- the questions -------------------------------------------------------------------------------
  category: {
    prompt: 'Che cosa vuoi segnalare? Scegli una categoria, oppure descrivimi il problema in poche parole.',
    help: 'Dimmi il tipo di problema: rispondi con il numero o con il nome della categoria (per esempio «rifiuti»), oppure descrivilo a parole tue. Se nessuna va bene scegli «Altro».',
    notUnderstood: 'Non ho capito di che tipo di problema si tratta.',
    ambiguous: (labels) => `Non sono sicuro: intendi ${labels.map((l) => `«${l}»`).join(' o ')}?`,
    suggest: (label) => `Intendi: «${label}»?`,
    suggestionRejected: 'Ok, allora scegli tu la categoria.',
    chosen: (label) => `Ok: ${label}.`,
    either: (first, second) => `Intendi «${first}» oppure «${second}»?`,
    neither: 'Nessuna delle due',
    changeOfMind: ['ho sbagliato', 'mi sono sbagliato', 'mi sono sbagliata', 'volevo dire', 'intendevo', 'anzi', 'no aspetta', 'errore mio', 'non era'],
  },
  oneMessage: {
    understood: ({ where, when, photos }) =>
      ['Ho capito:', where && `• Dove: ${where}`, when && `• Quando: ${when}`, photos > 0 && `• Foto: ${photos}`, '• Descrizione: il tuo messaggio']
        .filter(Boolean)
        .join('\n'),
    placeNotFound: (place) => `Non ho trovato «${place}» nel territorio del comune: te lo chiedo tra poco.`,
    placeLookupDown: (place) => `In questo momento non riesco a cercare «${place}» sulla mappa: te lo chiedo tra poco.`,
  },
  reliability: {
    keptForLater: 'Ok, me lo segno. Prima però dimmi di che cosa si tratta.',
    prompt: 'Come lo sai?',
    labels: { seen: "L'ho visto io", heard: "Me l'hanno detto", unsure: 'Non sono sicuro' },
    words: {
      seen: [
        'visto', 'ho visto', 'l ho visto', 'di persona', 'con i miei occhi', 'io', 'sono testimone', 'l ho sentito', 'li ho sentiti',
        'ero presente', 'c ero', 'ero li', 'abito li', 'abito davanti', 'davanti a casa mia', 'dalla finestra', 'lo vedo', 'li vedo',
        'la vedo', 'ci passo', 'ci passo ogni giorno', 'sono sicuro', 'sono sicura', 'certo', 'sicuro', 'l ho fotografato',
        'lo sento', 'li sento', 'la sento', 'lo sento da casa', 'dalla mia camera',
      ],
      heard: [
        'riferito', 'me lo hanno detto', 'mi hanno detto', 'sentito dire', 'raccontato', 'mi hanno riferito', 'altri',
        'mia moglie', 'mio marito', 'un amico', 'un amica', 'il vicino', 'la vicina', 'i vicini', 'mio figlio',
        'mia figlia', 'gira voce', 'girava voce', 'dicono', 'si dice', 'in paese',
      ],
      unsure: [
        'non sono sicura', 'non sono sicuro', 'non so', 'forse', 'boh', 'incerto', 'dubbio', 'non sicuro', 'mi sembra', 'mi pare',
        'credo', 'penso', 'probabilmente', 'non ne sono certo', 'non sono certo',
      ],
    },
    help: "Dimmi se hai visto la situazione con i tuoi occhi, se te l'ha raccontata qualcun altro, o se non ne sei sicuro: aiuta gli agenti a capire come intervenire.",
    notUnderstood: 'Non ho capito.',
  },
  location: {
    prompt: "📍 Dove? Mandami la posizione (📎 › Posizione) oppure scrivi l'indirizzo, per esempio «Via del Popolo 12, Lammari».",
    promptIn: (area) => `📍 Dove di preciso, a ${area}? Mandami la posizione (📎 › Posizione) oppure scrivi la via, per esempio «Via del Popolo 12».`,
    pinOnly: '📍 Mandami la posizione del problema: 📎 › Posizione.',
    help: 'Mi serve il luogo del problema. Il modo più preciso è la posizione: tocca 📎 e poi «Posizione» (puoi spostare il segnaposto sul punto giusto). Altrimenti scrivi via, numero civico e frazione.',
    notFound: 'Non ho trovato questo indirizzo. Prova con via e numero civico, aggiungendo la frazione, oppure mandami la posizione.',
    geocoderDown: 'In questo momento non riesco a cercare gli indirizzi scritti.',
    outside: ({ town, address }) =>
      `${address ? `«${address}» è` : 'Questo punto è'} fuori dal Comune di ${town}: posso ricevere solo segnalazioni nel territorio comunale. Per altri comuni rivolgiti alla loro Polizia Municipale.`,
    confirm: (address) => `Ho trovato: ${address}. È il posto giusto?`,
    confirmRejected: 'Ok, riproviamo.',
    received: ({ address, zone }) => `📍 Ricevuto: ${[address, zone && `zona ${zone}`].filter(Boolean).join(', ')}.`,
    pinWithoutAddress: 'posizione sulla mappa',
  },
  photo: {
    prompt: "📷 Hai una foto? Mandala ora: la vedrà solo la Polizia Municipale. Se non ce l'hai, scrivi «salta».",
    skip: {
      labels: { skip: 'Salta' },
      words: {
        skip: [
          'salta', 'saltare', 'no', 'nessuna', 'niente foto', 'senza foto', 'non ho foto', 'non ho la foto', 'non ho fatto foto', 'non l ho fatta', 'nessuna foto', 'non ce l ho', 'skip', 'niente', 'dopo',
          'te la mando dopo', 'avanti', 'vai avanti', 'procedi', 'continua', 'non posso', 'non riesco',
        ],
      },
    },
    help: 'Una foto aiuta gli agenti a capire la situazione, ma non è obbligatoria. Evita di fotografare volti e targhe se non serve. Per andare avanti senza foto scrivi «salta».',
    received: '📷 Foto ricevuta.',
    skipped: 'Ok, senza foto.',
    tooLarge: 'La foto è troppo grande. Prova a mandarla con una qualità più bassa, oppure scrivi «salta».',
    notAnImage: "Questo file non è una foto. Mandami un'immagine (JPEG o PNG), oppure scrivi «salta».",
    failed: 'Non sono riuscito a ricevere la foto. Riprova, oppure scrivi «salta».',
    expected: 'Aspettavo una foto.',
    extraAdded: '📷 Ho aggiunto anche questa foto.',
    detailsAdded: "Ok, l'ho aggiunto alla descrizione.",
    detailsKept: 'Ok, lo tengo come descrizione.',
    limitReached: (max) => `Ho già ${max} foto, bastano così.`,
  },
  description: {
    prompt: (max) =>
      `✏️ Ora descrivi in breve cosa succede (al massimo ${max} caratteri): cosa hai visto, quando, se sta ancora succedendo.`,
    help: (max) =>
      `Racconta in poche righe cosa succede, da quando e se sta succedendo adesso (al massimo ${max} caratteri). Non scrivere nomi o dati di altre persone se non servono.`,
    tooLong: ({ length, max }) => `Il testo è troppo lungo: ${length} caratteri, il massimo è ${max}. Puoi accorciarlo?`,
    tooShort: 'Scrivi qualche parola in più, per favore.',
  },
  summary: {
    title: '📋 Ecco il riepilogo:',
    fields: { category: 'Cosa', reliability: 'Come lo sai', location: 'Dove', photo: 'Foto', description: 'Descrizione' },
    when: 'Quando',
    photos: (count) => (count === 0 ? 'nessuna' : count === 1 ? '1 foto' : `${count} foto`),
    question: 'È tutto giusto? Scegli «Invia» per mandarla alla Polizia Municipale.',
    actions: {
      labels: { send: 'Invia', edit: 'Correggi', cancel: 'Annulla' },
      words: {
        send: ['invia', 'inviare', 'manda', 'conferma', 'confermo', 'sì', 'si', 'ok', 'va bene', 'giusto', 'tutto giusto'],
        edit: ['correggere', 'modifica', 'modificare', 'cambia', 'cambiare', 'sbagliato', 'no'],
        cancel: ['annullare'],
      },
    },
    help: '«Invia» manda la segnalazione alla Polizia Municipale, «Correggi» ti fa cambiare una risposta, «Annulla» la cancella senza inviarla.',
    notUnderstood: 'Non ho capito.',
    incomplete: 'Manca ancora qualcosa.',
  },
  edit: {
    prompt: 'Cosa vuoi correggere?',
    help: 'Scegli la risposta da cambiare: te la richiedo e poi torniamo al riepilogo.',
    words: {
      category: ['categoria', 'tipo', 'cosa', 'problema'],
      reliability: ['come lo so', 'affidabilita', 'visto'],
      location: ['luogo', 'posizione', 'indirizzo', 'dove', 'posto'],
      photo: ['foto', 'immagine', 'fotografia'],
      description: ['descrizione', 'testo', 'descrivere'],
    },
    inSentence: {
      cue: ['sbagliato', 'sbagliata', 'sbagliati', 'sbagliate', 'errato', 'errata', 'correggi', 'correggere', 'correggo', 'cambia', 'cambiare', 'cambio', 'modifica', 'modificare', 'aggiungi', 'aggiungere', 'aggiungo', 'togli', 'togliere', 'giusto', 'giusta', 'manca'],
      mentions: {
        category: ['categoria', 'tipo'],
        reliability: ['affidabilita'],
        location: ['posizione', 'indirizzo', 'via', 'piazza', 'civico', 'luogo', 'posto', 'mappa', 'punto', 'frazione', 'zona'],
        photo: ['foto', 'fotografia', 'immagine'],
        description: ['descrizione', 'testo'],
      },
    },
    notUnderstood: 'Non ho capito cosa vuoi correggere.',
  },
  submitted: ({ ticket, closedUntil }) =>
    closedUntil
      ? [
          `✅ Segnalazione inviata! Il tuo codice è ${ticket}.`,
          `🌙 Ora il servizio è chiuso: la Polizia Municipale la esaminerà ${closedUntil}. Ti scriverò qui quando ci sono novità; scrivi «stato» per vedere a che punto è.`,
          "🚨 Se è un'emergenza non aspettare: chiama il 112.",
        ].join('\n\n')
      : [
          `✅ Segnalazione inviata! Il tuo codice è ${ticket}.`,
          'La Polizia Municipale la esaminerà al più presto. Ti scriverò qui quando ci sono novità; scrivi «stato» per vedere a che punto è.',
          "Grazie per l'aiuto! 🙏",
        ].join('\n\n'),
  nearby: {
    question: ({ category, where, ago }) =>
      [
        `🔎 Un momento: qui vicino c'è già una segnalazione simile, arrivata ${ago}.`,
        `• Cosa: ${category}`,
        `• Dove: ${where}`,
        '',
        'È la stessa situazione? Se sì, aggiungo la tua conferma a quella segnalazione (con la tua descrizione e le foto); se no, invio la tua come nuova.',
      ].join('\n'),
    ago: (days) => (days === 0 ? 'oggi' : days === 1 ? 'ieri' : `${days} giorni fa`),
    somewhere: 'a pochi passi dal punto che mi hai indicato',
    zone: (name) => `zona ${name}`,
    help: "Te lo chiedo perché, se è la stessa cosa, la Polizia Municipale vede che più persone l'hanno notata invece di ricevere due segnalazioni separate. Rispondi «Sì» o «No».",
    notUnderstood: 'Non ho capito: rispondi «Sì» se è la stessa situazione, «No» per inviare la tua come nuova.',
    confirmed: ({ ticket, closedUntil }) =>
      [
        `✅ Grazie! Ho aggiunto la tua conferma alla segnalazione ${ticket}: la Polizia Municipale vedrà anche la tua descrizione e le tue foto.`,
        closedUntil
          ? `🌙 Ora il servizio è chiuso: la esaminerà ${closedUntil}. Da ora la segui anche tu: ti scriverò qui quando ci sono novità.`
          : 'Da ora la segui anche tu: ti scriverò qui quando ci sono novità.',
        ...(closedUntil ? ["🚨 Se è un'emergenza non aspettare: chiama il 112."] : []),
      ].join('\n\n'),
    goneMeanwhile: 'Nel frattempo quella segnalazione è stata chiusa: invio la tua come nuova.',
  },
  alerts: {
    words: ['avvisi', 'avviso', 'avvisi di zona', 'allerte', 'notifiche'],
    menu: {
      prompt:
        '🔔 Avvisi di zona: ti scrivo qui quando il Comune manda un avviso (una truffa in giro, una strada chiusa...) per i posti che scegli.\nCosa vuoi fare? Scrivi «STOP» in qualsiasi momento per disattivarli tutti.',
      labels: { place: 'Vicino a un luogo', zone: 'Una zona', list: 'I miei avvisi', remove: 'Togli un avviso', close: 'Chiudi' },
      words: {
        place: ['luogo', 'posto', 'posizione', 'vicino', 'raggio', 'indirizzo', 'casa'],
        zone: ['zona', 'quartiere', 'frazione', 'zone'],
        list: ['lista', 'elenco', 'vedi', 'vedere', 'miei', 'quali'],
        remove: ['togli', 'togliere', 'rimuovi', 'rimuovere', 'elimina', 'cancella', 'disattiva'],
        close: ['chiudi', 'chiudere', 'fine', 'fatto', 'niente', 'nulla', 'ok'],
      },
      help: 'Puoi ricevere gli avvisi del Comune per un posto che ti sta a cuore (mandami la posizione e scegli la distanza) o per una zona intera. Rispondi con il numero o il nome di una scelta.',
      notUnderstood: 'Non ho capito.',
    },
    location: {
      prompt:
        "📍 Mandami la posizione del posto che ti interessa (📎 › Posizione), per esempio casa tua o la scuola dei figli. La uso solo per gli avvisi e la cancello quando togli l'avviso.",
      help: 'Tocca 📎 e poi «Posizione», sposta il segnaposto sul posto giusto e invialo. Scrivi «indietro» per tornare al menu.',
      expected: 'Mi serve una posizione: tocca 📎 e poi «Posizione».',
      outside: (town) => `Questo punto è fuori dal Comune di ${town}: gli avvisi riguardano solo il territorio comunale.`,
    },
    radius: {
      prompt: (place) => `Entro quale distanza da ${place}?`,
      labels: { r250: '250 m', r500: '500 m', r1000: '1 km' },
      words: {
        r250: ['250', '250 metri'],
        r500: ['500', '500 metri', 'mezzo chilometro'],
        r1000: ['1000', '1000 metri', 'un chilometro', 'un km'],
      },
      help: 'Scegli quanto lontano dal posto vuoi ricevere gli avvisi: 250 m (la via), 500 m (il vicinato) o 1 km (il paese).',
      notUnderstood: 'Non ho capito la distanza.',
    },
    zone: {
      prompt: "🗺️ Quale zona? Scegli dall'elenco.",
      help: 'Rispondi con il numero o il nome della zona (frazione) di cui vuoi ricevere gli avvisi.',
      notUnderstood: 'Non ho trovato questa zona.',
    },
    remove: {
      prompt: 'Quale avviso vuoi togliere?',
      help: "Rispondi con il numero dell'avviso da togliere. Per toglierli tutti scrivi «STOP».",
      notUnderstood: 'Non ho capito quale.',
      removed: (what) => `🗑️ Ok, ho tolto l'avviso: ${what}. Non ricorderò più quel posto.`,
    },
    list: { title: '🔔 I tuoi avvisi di zona:', none: 'Non hai avvisi di zona attivi.' },
    area: ({ radius, place }) => `entro ${radius} da ${place}`,
    point: (zoneName) => (zoneName ? `un punto in zona ${zoneName}` : 'il punto che mi hai mandato'),
    zoneName: (name) => `zona ${name}`,
    subscribed: (what) =>
      `✅ Fatto! Ti scriverò qui gli avvisi del Comune per: ${what}. Scrivi «avvisi» per vederli o toglierli, «STOP» per disattivarli tutti.`,
    already: (what) => `Ricevi già gli avvisi per: ${what}.`,
    limit: (max) => `Hai già ${max} avvisi, il massimo: per aggiungerne uno, togline prima un altro.`,
    closed: 'Ok! 👋',
    stopped: (count) =>
      `🔕 Fatto: ho disattivato ${count === 1 ? 'il tuo avviso di zona' : `tutti i tuoi ${count} avvisi di zona`} e cancellato i posti che avevi scelto. Se cambi idea scrivi «avvisi».`,
    nothingToStop: 'Non hai avvisi di zona attivi, quindi non riceverai avvisi. (Per lasciar perdere una segnalazione scrivi «annulla».)',
  },
  status: {
    title: '📂 Le tue segnalazioni:',
    none: 'Non hai ancora inviato segnalazioni.',
    following: '👥 confermata da te',
    words: {
      new: 'ricevuta, in attesa di essere esaminata',
      in_review: 'in esame',
      needs_info: 'ti abbiamo chiesto un dettaglio: rispondi pure qui',
      dispatched: 'è stata mandata una pattuglia',
      closed: 'chiusa',
      rejected: 'non accolta',
      duplicate: 'già segnalata da altri: la seguiamo insieme',
    },
  },
  agentAnswer: {
    thanks: (ticket) => `Grazie! Ho aggiunto la tua risposta alla segnalazione ${ticket}: la Polizia Municipale la vedrà subito.`,
  },
  when: {
    today: (time) => `oggi dalle ${time}`,
    tomorrow: (time) => `domani dalle ${time}`,
    on: (day, time) => `${day} dalle ${time}`,
    unknown: 'appena il servizio riapre',
  },
  serviceHours: {
    dayNames: ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
    everyDay: 'tutti i giorni',
    exceptHolidays: (text) => `${text} (festivi esclusi)`,
  },
  rights: rightsIt,
  limits: limitsIt,
  care: careIt,
  notices: noticesIt,
  channels: channelsIt,
  simulator: simulatorIt,
};
