/**
 * The few words the Telegram adapter itself shows (everything else comes from the dialog):
 * the location button, the group-chat notice and the command menu. Italian first, English second.
 */
export type Language = 'it' | 'en';

export const LOCATION_BUTTON: Record<Language, string> = {
  it: '📍 Invia la mia posizione',
  en: '📍 Send my location',
};

/** Shown once in a group: the bot works in private chat only. Both languages, a group is mixed. */
export function groupNotice(botUsername?: string): string {
  const link = botUsername ? ` https://t.me/${botUsername}` : '';
  return [
    `Questo bot funziona solo in chat privata: scrivimi direttamente${link}. Qui non raccolgo nulla. Per le emergenze chiama il 112.`,
    `This bot works in private chat only: message me directly${link}. I collect nothing here. In an emergency call 112.`,
  ].join('\n\n');
}

const ENGLISH_MARKERS = new Set(
  'the you your please send report location photo this that what which is are and of to for with yes no thanks thank'.split(' '),
);
const ITALIAN_MARKERS = new Set(
  'il lo la le gli di che per una un invia inviami segnalazione posizione grazie sì si no della del questo cosa è sono tua tuo mandami'.split(
    ' ',
  ),
);

/**
 * The language of a message the dialog wrote, to label our own buttons the same way. The dialog
 * does not tell the channel its language; a handful of very common words is enough to tell Italian
 * from English, and Italian wins ties (the default language).
 */
export function guessLanguage(text: string): Language {
  let en = 0;
  let it = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (ENGLISH_MARKERS.has(word)) en++;
    if (ITALIAN_MARKERS.has(word)) it++;
  }
  return en > it ? 'en' : 'it';
}
