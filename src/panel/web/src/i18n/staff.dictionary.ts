/**
 * The texts of the staff bot in the panel (linking a Telegram account, sending a dispatch to a
 * patrol's phone, who is on call, emergency alerts), in Italian (the default) and English. The
 * English one must have exactly the Italian keys (the type enforces it).
 */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';

const it = {
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
  onCallIntro: 'Gli operatori reperibili e collegati a Telegram ricevono fuori orario le segnalazioni urgenti e i messaggi che sembrano emergenze.',
  onCallNone: 'Nessun operatore ha collegato Telegram.',
  onCallToggle: 'Reperibile: {name}',
  emergencyTitle: 'Possibile emergenza',
  emergencyBody: 'Un cittadino ha scritto un messaggio che sembra un’emergenza ({channel}); il bot gli ha indicato il 112.',
};

type StaffKey = keyof typeof it;
const en: Record<StaffKey, string> = {
  telegramTitle: 'Telegram (staff bot)',
  telegramIntro: 'Link your Telegram to receive on your phone the dispatches assigned to you and, when on call, urgent alerts outside service hours.',
  telegramOff: 'The staff bot is not configured in this installation.',
  telegramLinked: 'Linked since {date}.',
  telegramNotLinked: 'Not linked.',
  telegramNewCode: 'Create a link code',
  telegramCode: 'Write this code to the staff bot on Telegram before {time}: {code}',
  telegramUnlink: 'Unlink Telegram',
  telegramUnlinked: 'Telegram unlinked.',
  telegramOnCall: 'You are marked as on call.',
  dispatchPhone: 'Send to the phone of (staff bot)',
  dispatchPhoneNone: 'Nobody: control room only',
  dispatchPhoneHint: 'The operator gets the ticket, category, place with a map and description, and answers with buttons.',
  dispatchPhoto: 'Include the photos (the sending is kept in the access log)',
  onCallTitle: 'On call',
  onCallIntro: 'On-call operators linked to Telegram get urgent reports and emergency-like messages outside service hours.',
  onCallNone: 'No operator has linked Telegram.',
  onCallToggle: 'On call: {name}',
  emergencyTitle: 'Possible emergency',
  emergencyBody: 'A citizen wrote a message that reads like an emergency ({channel}); the bot told them to call 112.',
};

const DICTIONARIES = { it, en };
export type StaffTranslate = (key: StaffKey, values?: Record<string, string | number>) => string;

/** `sf(key, values)` in the panel's current language. */
export function useStaffText(): StaffTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}
