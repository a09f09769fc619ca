/**
 * Labels of statuses, outcomes, channels and timeline actions, as agents read them (Italian,
 * English): the API's texts and, through the panel's dictionary, the front end's. Type imports only,
 * so the front end can import this file.
 */
import type { Channel } from '../domain/message';
import type { Outcome, ReportStatus } from '../domain/report';
import type { PanelLang } from './panel-messages';

type Labels<K extends string> = Record<K, Record<PanelLang, string>>;

export const STATUS_LABELS: Labels<ReportStatus> = {
  new: { it: 'Nuova', en: 'New' },
  in_review: { it: 'In esame', en: 'In review' },
  needs_info: { it: 'In attesa di dettagli', en: 'Waiting for details' },
  dispatched: { it: 'Pattuglia inviata', en: 'Patrol dispatched' },
  closed: { it: 'Chiusa', en: 'Closed' },
  rejected: { it: 'Respinta', en: 'Rejected' },
  duplicate: { it: 'Duplicato', en: 'Duplicate' },
};

export const OUTCOME_LABELS: Labels<Outcome> = {
  intervention_done: { it: 'Intervento effettuato', en: 'Intervention done' },
  nothing_found: { it: 'Nulla riscontrato', en: 'Nothing found' },
  not_our_competence: { it: 'Non di nostra competenza', en: 'Not our competence' },
  false_alarm: { it: 'Falso allarme', en: 'False alarm' },
};

export const CHANNEL_LABELS: Labels<Channel> = {
  telegram: { it: 'Telegram', en: 'Telegram' },
  whatsapp: { it: 'WhatsApp', en: 'WhatsApp' },
  'whatsapp-cloud': { it: 'WhatsApp (Cloud)', en: 'WhatsApp (Cloud)' },
  simulator: { it: 'Simulatore', en: 'Simulator' },
};

export const ACTION_LABELS: Labels<string> = {
  created: { it: 'Segnalazione ricevuta', en: 'Report received' },
  take: { it: 'Presa in carico', en: 'Taken in charge' },
  ask_info: { it: 'Chiesti dettagli al cittadino', en: 'Asked the citizen for details' },
  info_received: { it: 'Il cittadino ha inviato i dettagli', en: 'The citizen sent the details' },
  dispatch: { it: 'Pattuglia inviata', en: 'Patrol dispatched' },
  close: { it: 'Chiusa', en: 'Closed' },
  reject: { it: 'Respinta', en: 'Rejected' },
  mark_duplicate: { it: 'Segnata come duplicato', en: 'Marked as duplicate' },
  merge: { it: 'Unita una segnalazione duplicata', en: 'Duplicate report merged in' },
  unmerge: { it: 'Separata una segnalazione duplicata riaperta', en: 'Reopened duplicate report separated' },
  reopen: { it: 'Riaperta', en: 'Reopened' },
  assign: { it: 'Assegnata', en: 'Assigned' },
  release: { it: 'Rimessa in coda', en: 'Handed back to the queue' },
  unit_accepted: { it: 'La pattuglia ha preso in carico l’intervento', en: 'The patrol accepted the dispatch' },
  unit_on_site: { it: 'La pattuglia è sul posto', en: 'The patrol is on site' },
  'staff.dispatch_sent': { it: 'Intervento inviato al telefono della pattuglia', en: 'Dispatch sent to the patrol’s phone' },
  'photo.sent_to_unit': { it: 'Foto inviata alla pattuglia', en: 'Photo sent to the patrol' },
  'identity.reveal': { it: 'Identità del cittadino visualizzata', en: 'Citizen’s identity revealed' },
  'citizen.block': { it: 'Cittadino bloccato', en: 'Citizen blocked' },
  'citizen.unblock': { it: 'Blocco del cittadino tolto', en: 'Citizen unblocked' },
  // Data rights the citizen exercised through the bot (src/app/citizens/data-rights.ts).
  'citizen.right.access': { it: 'Il cittadino ha chiesto quali dati conserviamo', en: 'The citizen asked what data we hold' },
  'citizen.right.export': { it: 'Il cittadino ha ricevuto una copia dei suoi dati', en: 'The citizen received a copy of their data' },
  'citizen.right.erasure': {
    it: 'Il cittadino ha cancellato i suoi dati: la segnalazione resta senza il collegamento alla persona',
    en: 'The citizen erased their data: the report stays without the link to the person',
  },
  'citizen.right.withdrawal': {
    it: 'Il cittadino ha ritirato il consenso: non riceve più aggiornamenti',
    en: 'The citizen withdrew consent: no more updates to them',
  },
  'photo.view': { it: 'Foto visualizzata', en: 'Photo viewed' },
  'voice.view': { it: 'Vocale ascoltato', en: 'Voice note played' },
  // After sending: additions and the after-close answer (src/app/reports/add-to-report.ts, src/app/citizens/resolution-check.ts).
  'citizen.add': { it: 'Il cittadino ha aggiunto', en: 'The citizen added' },
  'citizen.resolution': { it: 'Risposta del cittadino a «Il problema è stato risolto?»', en: 'The citizen’s answer to “Has the problem been solved?”' },
  'citizen.follow_up': { it: 'Aperta dal cittadino come seguito di', en: 'Opened by the citizen as a follow-up of' },
};

export const RESOLUTION_LABELS: Labels<'solved' | 'not_solved' | 'still_there'> = {
  solved: { it: 'Sì, risolto', en: 'Yes, solved' },
  not_solved: { it: 'No, non risolto', en: 'No, not solved' },
  still_there: { it: 'È ancora lì', en: 'It’s still there' },
};

export const labelOf = <K extends string>(labels: Labels<K>, key: K | string, lang: PanelLang): string =>
  (labels as Record<string, Record<PanelLang, string>>)[key]?.[lang] ?? key;
