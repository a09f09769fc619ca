/** The error texts agents read in the panel's API answers: Italian by default, English available. */
export type PanelLang = 'it' | 'en';

const MESSAGES = {
  loginRequired: { it: 'Accesso richiesto: effettua il login.', en: 'Login required: please sign in.' },
  sessionEnded: {
    it: 'La sessione è scaduta o l’account non è più attivo: effettua di nuovo il login.',
    en: 'Your session has ended or the account is no longer active: please sign in again.',
  },
  forbidden: { it: 'Il tuo ruolo non permette questa operazione.', en: 'Your role does not allow this.' },
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
  auditNeedsReport: {
    it: 'Indica la segnalazione con ?reportId=…',
    en: 'Name the report with ?reportId=…',
  },
} satisfies Record<string, Record<PanelLang, string>>;

export type PanelMessageKey = keyof typeof MESSAGES;

export function panelMessage(key: PanelMessageKey, lang: PanelLang = 'it', vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
