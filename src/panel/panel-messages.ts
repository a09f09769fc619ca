/** The error texts agents read in the panel's API answers: Italian by default, English available. */
export type PanelLang = 'it' | 'en';

const MESSAGES = {
  loginRequired: { it: 'Accesso richiesto: effettua il login.', en: 'Login required: please sign in.' },
  sessionEnded: {
    it: 'La sessione è scaduta o l’account non è più attivo: effettua di nuovo il login.',
    en: 'Your session has ended or the account is no longer active: please sign in again.',
  },
  forbidden: { it: 'Il tuo ruolo non permette questa operazione.', en: 'Your role does not allow this.' },
  queueBoardReadOnly: {
    it: 'Le code di lavoro sono in sola lettura (QUEUE_BOARD_WRITE=false).',
    en: 'The job queues are read-only (QUEUE_BOARD_WRITE=false).',
  },
  mfaCodeWrong: { it: 'Codice non valido o già usato.', en: 'The code is wrong or was already used.' },
  mfaLoginExpired: {
    it: 'Il tempo per inserire il codice è scaduto: effettua di nuovo il login.',
    en: 'The time to enter the code is over: please sign in again.',
  },
  mfaEnrolmentRequired: {
    it: 'Il tuo ruolo richiede la verifica in due passaggi: attivala per continuare.',
    en: 'Your role requires two-step verification: turn it on to continue.',
  },
  mfaAlreadyEnabled: { it: 'La verifica in due passaggi è già attiva.', en: 'Two-step verification is already on.' },
  mfaNotStarted: { it: 'Avvia prima l’attivazione della verifica in due passaggi.', en: 'Start setting up two-step verification first.' },
  mfaRequiredForRole: {
    it: 'Il tuo ruolo richiede la verifica in due passaggi: non può essere disattivata.',
    en: 'Your role requires two-step verification: it cannot be turned off.',
  },
  currentPasswordWrong: { it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  passwordWeak: { it: 'Password troppo debole: {hint}', en: 'The password is too weak: {hint}' },
  revealReasonRequired: {
    it: 'Indica il motivo per cui serve l’identità del cittadino (almeno 10 caratteri).',
    en: 'Say why the citizen’s identity is needed (at least 10 characters).',
  },
  revealNotAllowed: {
    it: 'Solo l’agente che ha in carico la segnalazione o un supervisore può vedere l’identità del cittadino.',
    en: 'Only the agent handling the report or a supervisor can see the citizen’s identity.',
  },
  badCredentials: { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  rateLimited: {
    it: 'Troppi tentativi di accesso da questo indirizzo. Riprova più tardi.',
    en: 'Too many login attempts from this address. Try again later.',
  },
  badRequest: { it: 'Richiesta non valida: {detail}', en: 'Invalid request: {detail}' },
  reportNotFound: { it: 'Segnalazione non trovata.', en: 'Report not found.' },
  photoNotFound: { it: 'Foto non trovata.', en: 'Photo not found.' },
  identityNotFound: {
    it: 'L’identità del cittadino non è disponibile per questa segnalazione.',
    en: 'The citizen’s identity is not available for this report.',
  },
  takenBy: { it: 'Questa segnalazione è già in carico a {name}.', en: 'This report is already being handled by {name}.' },
  stale: {
    it: 'La segnalazione è stata modificata da un altro operatore nel frattempo: ricarica e riprova.',
    en: 'The report was changed by another operator in the meantime: reload and try again.',
  },
  notAllowed: {
    it: 'Azione non consentita per una segnalazione in stato «{status}».',
    en: 'This action is not allowed for a report in status “{status}”.',
  },
  duplicateUnknown: {
    it: 'Nessuna segnalazione con codice {code}.',
    en: 'No report with code {code}.',
  },
  duplicateSelf: {
    it: 'Una segnalazione non può essere duplicato di sé stessa.',
    en: 'A report cannot be a duplicate of itself.',
  },
  duplicateOfDuplicate: {
    it: 'La segnalazione {code} è a sua volta un duplicato di {original}: segna questa come duplicato di {original}.',
    en: 'Report {code} is itself a duplicate of {original}: mark this one as a duplicate of {original}.',
  },
  advisoryNotScheduled: {
    it: 'Avviso salvato ma l’invio non è partito (coda non raggiungibile). Riprova tra poco: nessun cittadino lo riceverà due volte.',
    en: 'Advisory saved but its sending did not start (queue unreachable). Try again shortly: no citizen will receive it twice.',
  },
  operatorExists: { it: 'Esiste già un operatore «{username}».', en: 'An operator “{username}” already exists.' },
  operatorUnknown: { it: 'Nessun operatore «{username}».', en: 'No operator “{username}”.' },
  staffBotOff: {
    it: 'Il bot del personale non è configurato: chiedi all’amministratore di impostare STAFF_TELEGRAM_BOT_TOKEN.',
    en: 'The staff bot is not configured: ask the administrator to set STAFF_TELEGRAM_BOT_TOKEN.',
  },
  unitNotLinked: {
    it: '«{username}» non ha un telefono collegato al bot del personale.',
    en: '“{username}” has no phone linked to the staff bot.',
  },
  auditNeedsReport: {
    it: 'Indica la segnalazione con ?reportId=…',
    en: 'Name the report with ?reportId=…',
  },
} satisfies Record<string, Record<PanelLang, string>>;

export type PanelMessageKey = keyof typeof MESSAGES;

export function panelMessage(key: PanelMessageKey, lang: PanelLang = 'it', vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
