/**
 * The texts of the operator's own account (sign-in second step, two-step verification, password,
 * sessions) and of the supervisors' personal-data access log, in Italian (the default) and English.
 * The English one must have exactly the Italian keys (the type enforces it).
 */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';

const it = {
  navAccount: 'Il mio account',
  navAccessLog: 'Accessi ai dati',
  accountTitle: 'Il mio account',
  mfaStepTitle: 'Verifica in due passaggi',
  mfaStepIntro: 'Inserisci il codice a 6 cifre dell’app di autenticazione, oppure uno dei codici di recupero.',
  mfaCode: 'Codice',
  mfaVerify: 'Verifica',
  mfaCodeWrong: 'Codice non valido o già usato.',
  mfaExpired: 'Il tempo per il codice è scaduto: accedi di nuovo.',
  mfaBack: 'Torna all’accesso',
  enrolTitle: 'Attiva la verifica in due passaggi',
  enrolRequired: 'Il tuo ruolo richiede la verifica in due passaggi. Attivala per usare il pannello.',
  enrolIntro:
    'Inquadra il codice QR con un’app di autenticazione (per esempio FreeOTP, Aegis o Google Authenticator), poi scrivi il codice che mostra.',
  enrolStart: 'Mostra il codice QR',
  enrolManual: 'Se non puoi inquadrarlo, inserisci a mano questa chiave:',
  enrolConfirm: 'Attiva',
  enrolDone: 'Verifica in due passaggi attiva.',
  recoveryTitle: 'Codici di recupero',
  recoveryIntro: 'Conservali in un luogo sicuro: ognuno vale una volta sola, se perdi il telefono. Non verranno mostrati di nuovo.',
  recoveryContinue: 'Li ho conservati, continua',
  recoveryRenew: 'Genera nuovi codici di recupero',
  recoveryLeft: 'Codici di recupero rimasti: {count}',
  mfaOn: 'La verifica in due passaggi è attiva.',
  mfaOff: 'La verifica in due passaggi non è attiva.',
  mfaDisable: 'Disattiva la verifica in due passaggi',
  passwordTitle: 'Cambia password',
  passwordCurrent: 'Password attuale',
  passwordNew: 'Nuova password',
  passwordHint: 'Almeno 12 caratteri; meglio una frase di più parole. Viene controllata contro le password più comuni.',
  passwordSave: 'Cambia password',
  passwordChanged: 'Password cambiata. Le altre sessioni sono state chiuse.',
  sessionsTitle: 'Sessioni',
  sessionsIntro: 'Chiude la sessione su ogni dispositivo, compreso questo (per esempio se hai lasciato il pannello aperto altrove).',
  logoutEverywhere: 'Esci da tutti i dispositivi',
  revealReason: 'Motivo (resta nel registro degli accessi)',
  revealReasonHint: 'Almeno 10 caratteri, per esempio «richiamare il cittadino per il civico esatto».',
  accessTitle: 'Accessi ai dati personali',
  retentionTitle: 'Per quanto conserviamo i dati',
  retentionPolicy:
    'Messaggi della chat e conversazioni: {messages} giorni. Collegamento tra il cittadino e una segnalazione chiusa: {link} mesi, poi la segnalazione resta senza la persona. Foto delle segnalazioni chiuse: {photos} mesi. Registro delle operazioni: {audit} anni.',
  retentionLastRun: 'Ultima pulizia automatica: {at}.',
  retentionNever: 'La pulizia automatica (giornaliera) non è ancora stata eseguita.',
  accessIntro: 'Chi ha visto l’identità di un cittadino o una foto, quando e perché. Anche i tentativi non consentiti.',
  accessAction: 'Tipo',
  accessAll: 'Tutti',
  accessReveal: 'Identità mostrata',
  accessRefused: 'Identità negata',
  accessPhoto: 'Foto vista',
  accessVoice: 'Vocale ascoltato',
  accessPhotoToUnit: 'Foto inviata al telefono di una pattuglia',
  accessActor: 'Operatore (nome utente)',
  accessFrom: 'Dal',
  accessTo: 'Al',
  accessSearch: 'Cerca',
  accessCsv: 'Scarica CSV',
  accessWhen: 'Quando',
  accessWho: 'Chi',
  accessReport: 'Segnalazione',
  accessReason: 'Motivo',
  accessNone: 'Nessun accesso con questi filtri.',
  resetMfa: 'Azzera verifica in due passaggi',
  mfaColumn: '2FA',
};

type AccountKey = keyof typeof it;
const en: Record<AccountKey, string> = {
  navAccount: 'My account',
  navAccessLog: 'Data access log',
  accountTitle: 'My account',
  mfaStepTitle: 'Two-step verification',
  mfaStepIntro: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  mfaCode: 'Code',
  mfaVerify: 'Verify',
  mfaCodeWrong: 'The code is wrong or was already used.',
  mfaExpired: 'The time for the code is over: sign in again.',
  mfaBack: 'Back to sign-in',
  enrolTitle: 'Turn on two-step verification',
  enrolRequired: 'Your role requires two-step verification. Turn it on to use the panel.',
  enrolIntro:
    'Scan the QR code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator), then type the code it shows.',
  enrolStart: 'Show the QR code',
  enrolManual: 'If you cannot scan it, type this key by hand:',
  enrolConfirm: 'Turn on',
  enrolDone: 'Two-step verification is on.',
  recoveryTitle: 'Recovery codes',
  recoveryIntro: 'Keep them somewhere safe: each works once, if you lose your phone. They will not be shown again.',
  recoveryContinue: 'I have kept them, continue',
  recoveryRenew: 'Make new recovery codes',
  recoveryLeft: 'Recovery codes left: {count}',
  mfaOn: 'Two-step verification is on.',
  mfaOff: 'Two-step verification is off.',
  mfaDisable: 'Turn off two-step verification',
  passwordTitle: 'Change password',
  passwordCurrent: 'Current password',
  passwordNew: 'New password',
  passwordHint: 'At least 12 characters; a phrase of several words is best. It is checked against common passwords.',
  passwordSave: 'Change password',
  passwordChanged: 'Password changed. Your other sessions were closed.',
  sessionsTitle: 'Sessions',
  sessionsIntro: 'Ends your session on every device, this one included (for example if you left the panel open somewhere).',
  logoutEverywhere: 'Log out everywhere',
  revealReason: 'Reason (kept in the access log)',
  revealReasonHint: 'At least 10 characters, for example “call the citizen back for the house number”.',
  accessTitle: 'Access to personal data',
  retentionTitle: 'How long data is kept',
  retentionPolicy:
    'Chat messages and conversations: {messages} days. Link between the citizen and a closed report: {link} months, then the report stays without the person. Photos of closed reports: {photos} months. Log of operations: {audit} years.',
  retentionLastRun: 'Last automatic clean-up: {at}.',
  retentionNever: 'The automatic (daily) clean-up has not run yet.',
  accessIntro: 'Who saw a citizen’s identity or a photo, when and why. Refused attempts too.',
  accessAction: 'Kind',
  accessAll: 'All',
  accessReveal: 'Identity revealed',
  accessRefused: 'Identity refused',
  accessPhoto: 'Photo viewed',
  accessVoice: 'Voice note played',
  accessPhotoToUnit: 'Photo sent to a patrol’s phone',
  accessActor: 'Operator (username)',
  accessFrom: 'From',
  accessTo: 'To',
  accessSearch: 'Search',
  accessCsv: 'Download CSV',
  accessWhen: 'When',
  accessWho: 'Who',
  accessReport: 'Report',
  accessReason: 'Reason',
  accessNone: 'No access with these filters.',
  resetMfa: 'Reset two-step verification',
  mfaColumn: '2FA',
};

const DICTIONARIES = { it, en };
export type { AccountKey };
export type AccountTranslate = (key: AccountKey, values?: Record<string, string | number>) => string;

/** `at(key, values)` in the panel's current language. */
export function useAccountText(): AccountTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}

export function accountText(language: 'it' | 'en', key: AccountKey): string {
  return DICTIONARIES[language][key];
}
