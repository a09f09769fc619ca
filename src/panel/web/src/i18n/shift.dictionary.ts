/**
 * The texts of a shift's tools (internal notes and mentions, bulk triage, alerts), in Italian (the
 * default) and English. The English one must have exactly the Italian keys (the type enforces it).
 */
import { useMemo } from 'react';
import { interpolate, useI18n } from './i18n';

const it = {
  notesTitle: 'Note interne',
  notesHint: 'Visibili solo agli operatori, mai al cittadino. Scrivi @nome.utente per avvisare un collega.',
  noteLabel: 'Nuova nota interna',
  noteAdd: 'Aggiungi nota',
  noteAdded: 'Nota aggiunta.',
  kindNote: 'Nota interna',
  navForMe: 'Per me',
  navForMeUnread: 'Per me ({count} da leggere)',
  forMeTitle: 'Note che ti menzionano',
  forMeEmpty: 'Nessuna nota ti menziona.',
  forMeUnread: 'Da leggere',
  forMeMarkRead: 'Segna tutte come lette',
  forMeBy: '{name} su {ticket}',
  selectReport: 'Seleziona {ticket}',
  selectAll: 'Seleziona tutte le segnalazioni di questa pagina',
  bulkTitle: 'Azione su {count} segnalazioni selezionate',
  bulkAction: 'Azione',
  bulkClose: 'Chiudi',
  bulkReject: 'Rifiuta',
  bulkMerge: 'Unisci a un’altra (duplicato)',
  bulkOutcome: 'Esito',
  bulkTicket: 'Codice della segnalazione originale',
  bulkReason: 'Motivo (uguale per tutte)',
  bulkApply: 'Applica',
  bulkClear: 'Annulla selezione',
  bulkDone: '{done} di {count} aggiornate.',
  bulkSkipped: '{ticket}: {why}',
  bulkWhy_not_allowed: 'non consentita nello stato attuale',
  bulkWhy_held_by_other: 'in carico a un altro operatore',
  bulkWhy_stale: 'modificata nel frattempo',
  bulkWhy_not_found: 'non trovata',
  bulkWhy_duplicate_unknown: 'codice originale sconosciuto',
  bulkWhy_duplicate_self: 'è la segnalazione originale',
  bulkWhy_duplicate_of_duplicate: 'l’originale è a sua volta un duplicato',
  colSla: 'Tempo obiettivo',
  colSlaShare: 'Prima azione entro l’obiettivo',
  slaLeft: 'mancano {time}',
  slaOver: 'scaduto da {time}',
  slaMet: 'rispettato',
  slaMissed: 'non rispettato',
  slaTarget: 'obiettivo: prima azione entro {minutes} min di servizio',
  templateLabel: 'Modello di risposta',
  templateNone: 'Nessun modello: scrivo io',
  templatePreview: 'Il cittadino leggerà: «{text}»',
  templatesTitle: 'Modelli di risposta',
  templatesIntro:
    'Testi pronti per le domande al cittadino e per la chiusura, in italiano e in inglese (il cittadino riceve quello della sua lingua). Segnaposto: {ticket}, {category}, {zone}, {team}.',
  templateName: 'Nome',
  templatePurpose: 'Uso',
  templatePurposeAsk: 'Chiedere dettagli',
  templatePurposeClose: 'Chiusura',
  templateCategory: 'Solo per la categoria',
  templateOutcome: 'Solo per l’esito',
  templateAny: 'Tutte',
  templateTextIt: 'Testo in italiano',
  templateTextEn: 'Testo in inglese',
  templateSave: 'Salva modello',
  templateDelete: 'Elimina {name}',
  navTemplates: 'Modelli',
  alertsEnable: 'Attiva avvisi sonori e notifiche',
  alertsOn: 'Avvisi attivi',
  alertTitle: 'Nuova segnalazione urgente {ticket}',
  alertBody: '{category}, priorità {priority}',
};

type ShiftKey = keyof typeof it;
const en: Record<ShiftKey, string> = {
  notesTitle: 'Internal notes',
  notesHint: 'Seen by operators only, never by the citizen. Write @username to alert a colleague.',
  noteLabel: 'New internal note',
  noteAdd: 'Add note',
  noteAdded: 'Note added.',
  kindNote: 'Internal note',
  navForMe: 'For me',
  navForMeUnread: 'For me ({count} unread)',
  forMeTitle: 'Notes that mention you',
  forMeEmpty: 'No note mentions you.',
  forMeUnread: 'Unread',
  forMeMarkRead: 'Mark all as read',
  forMeBy: '{name} on {ticket}',
  selectReport: 'Select {ticket}',
  selectAll: 'Select every report on this page',
  bulkTitle: 'Action on {count} selected reports',
  bulkAction: 'Action',
  bulkClose: 'Close',
  bulkReject: 'Reject',
  bulkMerge: 'Merge into another (duplicate)',
  bulkOutcome: 'Outcome',
  bulkTicket: 'Code of the original report',
  bulkReason: 'Reason (the same for all)',
  bulkApply: 'Apply',
  bulkClear: 'Clear selection',
  bulkDone: '{done} of {count} updated.',
  bulkSkipped: '{ticket}: {why}',
  bulkWhy_not_allowed: 'not allowed in its current status',
  bulkWhy_held_by_other: 'handled by another operator',
  bulkWhy_stale: 'changed in the meantime',
  bulkWhy_not_found: 'not found',
  bulkWhy_duplicate_unknown: 'unknown original code',
  bulkWhy_duplicate_self: 'it is the original report',
  bulkWhy_duplicate_of_duplicate: 'the original is itself a duplicate',
  colSla: 'Target time',
  colSlaShare: 'First action within target',
  slaLeft: '{time} left',
  slaOver: 'overdue by {time}',
  slaMet: 'met',
  slaMissed: 'missed',
  slaTarget: 'target: first action within {minutes} service minutes',
  templateLabel: 'Reply template',
  templateNone: 'No template: I write it',
  templatePreview: 'The citizen will read: “{text}”',
  templatesTitle: 'Reply templates',
  templatesIntro:
    'Ready texts for questions to the citizen and for closing, in Italian and English (the citizen gets their language). Placeholders: {ticket}, {category}, {zone}, {team}.',
  templateName: 'Name',
  templatePurpose: 'Use',
  templatePurposeAsk: 'Ask for details',
  templatePurposeClose: 'Closing',
  templateCategory: 'Only for the category',
  templateOutcome: 'Only for the outcome',
  templateAny: 'All',
  templateTextIt: 'Italian text',
  templateTextEn: 'English text',
  templateSave: 'Save template',
  templateDelete: 'Delete {name}',
  navTemplates: 'Templates',
  alertsEnable: 'Turn on sound and desktop alerts',
  alertsOn: 'Alerts on',
  alertTitle: 'New urgent report {ticket}',
  alertBody: '{category}, priority {priority}',
};

const DICTIONARIES = { it, en };
export type { ShiftKey };
export type ShiftTranslate = (key: ShiftKey, values?: Record<string, string | number>) => string;

/** `st(key, values)` in the panel's current language. */
export function useShiftText(): ShiftTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const dict = DICTIONARIES[language];
    return (key, values) => interpolate(dict[key], values);
  }, [language]);
}

export function shiftText(language: 'it' | 'en', key: ShiftKey): string {
  return DICTIONARIES[language][key];
}
