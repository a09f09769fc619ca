/** Voice notes in Italian (see VoiceTexts in src/dialog/flow.types.ts). */
import type { VoiceTexts } from '../../dialog/flow.types';

export const voiceIt: VoiceTexts = {
  heard: (transcript) => `🎤 Ho capito: «${transcript}». È corretto?`,
  choices: { yes: 'Sì', no: 'No' },
  words: {
    yes: ['si', 'esatto', 'giusto', 'corretto', 'è corretto', 'ok', 'va bene', 'confermo', 'yes'],
    no: ['sbagliato', 'non è corretto', 'non è giusto', 'errato', 'non ho detto così', 'no'],
  },
  rejected: 'Ok, non lo uso. Scrivimelo pure, oppure manda un altro vocale parlando piano e vicino al telefono.',
  failed: {
    too_long: 'Il vocale è troppo lungo per me: mandane uno più breve oppure scrivimi il messaggio.',
    too_large: 'Il vocale è troppo lungo per me: mandane uno più breve oppure scrivimi il messaggio.',
    empty: 'Non sono riuscito a sentire parole in questo vocale. Puoi scrivermi il messaggio?',
    failed: 'Mi dispiace, in questo momento non riesco ad ascoltare il vocale. Puoi scrivermi il messaggio?',
  },
};
