/** Adding to an open report and the after-close answer, in Italian (see care.types.ts). */
import type { CarePrompts, FollowUpWhat } from './care.types';

const whatIt = (what: FollowUpWhat) => (what === 'photo' ? 'questa foto' : what === 'text' ? 'questo messaggio' : 'foto o dettagli');

export const careIt: CarePrompts = {
  followUp: {
    words: ['aggiungi', 'aggiungere', 'aggiungi foto', 'aggiungi una foto', 'altra foto', 'altre foto', 'integra', 'aggiungi dettagli'],
    askOne: ({ ticket, what }) => `Vuoi aggiungere ${whatIt(what)} alla tua segnalazione ${ticket}, ancora aperta?`,
    askWhich: ({ what }) => `Hai più segnalazioni aperte: a quale vuoi aggiungere ${whatIt(what)}?`,
    addTo: (ticket) => `Sì, aggiungi a ${ticket}`,
    newReport: 'No, è una nuova segnalazione',
    yesWords: ['si', 'sì', 'ok', 'aggiungi', 'certo', 'va bene'],
    newWords: ['no', 'nuova', 'nuova segnalazione', 'altro'],
    notUnderstood: 'Non ho capito: tocca una delle scelte qui sotto (o scrivi il numero).',
    help: 'Scegli la segnalazione a cui aggiungere foto o dettagli, oppure «nuova segnalazione» se si tratta di altro.',
    sendNow: ({ ticket, photosLeft }) =>
      photosLeft > 0
        ? `Va bene: mandami le foto (ancora ${photosLeft} al massimo) o scrivi cosa aggiungere alla segnalazione ${ticket}.`
        : `Va bene: scrivi cosa aggiungere alla segnalazione ${ticket} (le foto sono già al massimo).`,
    added: ({ ticket, photo, photos, max }) =>
      photo
        ? `📷 Foto aggiunta alla segnalazione ${ticket} (${photos} di ${max}): la Polizia Municipale la vede subito. Puoi mandarne altre o scrivere un dettaglio; quando hai finito tocca «Fatto».`
        : `✍️ Ho aggiunto il tuo messaggio alla segnalazione ${ticket}: la Polizia Municipale lo vede subito. Quando hai finito tocca «Fatto».`,
    photoLimit: ({ ticket, max }) =>
      `La segnalazione ${ticket} ha già ${max} foto, il massimo: non posso aggiungerne altre. Puoi ancora scrivere un dettaglio.`,
    closed: (ticket) =>
      `La segnalazione ${ticket} è chiusa: non si possono più aggiungere foto o dettagli. Se il problema c'è ancora, facciamo una nuova segnalazione.`,
    nothingOpen: 'Non hai segnalazioni aperte a cui aggiungere qualcosa. Facciamo una nuova segnalazione.',
    done: { label: 'Fatto', words: ['fatto', 'finito', 'ho finito', 'basta', 'ok fatto', 'fine'] },
    finished: (ticket) => `Grazie! La segnalazione ${ticket} è aggiornata. Scrivi «stato» per seguirla.`,
  },
  resolution: {
    words: {
      solved: [
        'si', 'sì', 'risolto', 'si risolto', 'tutto a posto', 'tutto ok', 'yes', 'sistemato',
        'hanno sistemato', 'pulito', 'hanno pulito', 'tolto', "l'hanno tolto", 'rimosso', 'riparato', 'aggiustato', 'sparito', 'a posto',
      ],
      not_solved: [
        'no', 'non risolto', 'non è risolto', 'non e risolto', 'niente', 'no non risolto', 'tutto come prima', 'come prima', 'macché',
        'per niente', 'solo in parte', 'in parte', 'niente di fatto',
      ],
      still_there: [
        'è ancora lì', 'e ancora li', 'ancora lì', 'ancora li', "c'è ancora", 'ce ancora', 'sono ancora lì', 'ancora tutto lì',
        'sempre lì', 'sta ancora lì', 'è sempre uguale',
      ],
    },
    solved: (ticket) => `Grazie per averci fatto sapere che il problema della segnalazione ${ticket} è risolto! 😊`,
    reopened: (ticket) =>
      `Grazie per averlo detto: ho riaperto la segnalazione ${ticket} e la Polizia Municipale la esaminerà di nuovo. Puoi aggiungere una foto con «aggiungi».`,
    followUp: ({ ticket, newTicket }) =>
      `Grazie per averlo detto: ho aperto la segnalazione ${newTicket}, collegata alla ${ticket}, e la Polizia Municipale la esaminerà. Puoi aggiungere una foto con «aggiungi».`,
    late: (ticket) =>
      `Grazie, ho annotato la tua risposta sulla segnalazione ${ticket}. È passato troppo tempo per riaprirla: se il problema c'è ancora, scrivimi e facciamo una nuova segnalazione.`,
  },
};
