/** What the channel adapters say themselves, in Italian (see channels.types.ts). */
import type { ChannelPrompts } from './channels.types';

export const channelsIt: ChannelPrompts = {
  telegram: {
    locationButton: '📍 Invia la mia posizione',
    groupNotice: (link) =>
      `Questo bot funziona solo in chat privata: scrivimi direttamente${link}. Qui non raccolgo nulla. Per le emergenze chiama il 112.`,
    commands: {
      start: 'Inizia una segnalazione',
      annulla: 'Annulla la segnalazione in corso',
      stato: 'Lo stato delle mie segnalazioni',
      aiuto: 'Come funziona',
      privacy: 'Come tratto i tuoi dati',
      lingua: 'Cambia lingua (italiano / English)',
    },
  },
  whatsappLocationHint: '📎 → Posizione',
  whatsappCloud: {
    listButton: 'Scegli',
    locationHint: '📎 Per inviare la posizione tocca la graffetta (o +) e scegli «Posizione».',
  },
  apology:
    'Ci scusiamo: non siamo riusciti a elaborare il tuo ultimo messaggio. Riprova tra qualche minuto. Per le emergenze chiama il 112.',
};
