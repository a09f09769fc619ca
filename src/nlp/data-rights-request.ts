/**
 * A data-rights request written in the citizen's own words (GDPR art. 15, 17, 20, 21): "voglio
 * sapere che dati avete su di me", "cancellate tutto quello che avete su di me", "what info do
 * you keep on me?", "please stop using my data". The exact words («i miei dati», "delete my
 * data") are matched by flows/anytime-words.ts; this catches the sentences around them.
 *
 * A request needs both a request's verb and an object that is the person's data or the person
 * ("i miei dati", "il mio numero", "su di me", "cancellami"), and the verb must not be a past
 * participle: "mi hanno rubato i dati della carta" or "hanno cancellato le strisce" describe a
 * problem and are never a request. Messages longer than a chat request are not read.
 */
import { tokenize } from './text';

export type DataRightsRequest = 'myData' | 'export' | 'erase' | 'withdraw';

/** Longer than this, a message is a description, not a request about one's data. */
const MAX_REQUEST_CHARS = 200;

// Italian (normalised: lower case, no accents, apostrophes as spaces).
const IT_MY_DATA = String.raw`(?:(?:i |tutti i )?(?:miei )?dati(?: personali)?|(?:le )?(?:mie )?informazioni(?: personali)?|(?:il )?mio (?:numero|contatto|profilo|account|nome)|(?:la )?mia (?:iscrizione|chat)|tutto (?:quello|cio|quanto) che (?:avete|sapete|conservate|tenete|ho scritto)|tutto su di me)`;
const IT_ABOUT_ME = String.raw`(?:su di me|di me|sul mio conto|riguardo a me|che mi riguardano|che mi riguarda)`;
/**
 * Request forms of "erase" (imperative, infinitive, present, conditional), never the participle
 * ("cancellato"); "cancellate" stays, as it is also the imperative.
 */
const IT_ERASE_VERB = String.raw`(?:cancell|elimin|rimuov|distrugg|togl|dimentic)(?!at[oai]\b|it[oai]\b)\w*`;

const IT_PATTERNS: Array<[DataRightsRequest, RegExp]> = [
  ['erase', new RegExp(String.raw`\b(?:${IT_ERASE_VERB}) (?:\w+ ){0,4}?${IT_MY_DATA}\b`)],
  ['erase', /\b(?:cancellami|cancellatemi|eliminami|eliminatemi|rimuovimi|rimuovetemi|toglimi|toglietemi|dimenticatemi|dimenticami)\b/],
  ['erase', /\b(?:essere|venire|sia|siano|venga|vengano) (?:cancellat|eliminat|rimoss|dimenticat)[oaie]\b/],
  ['erase', new RegExp(String.raw`\b${IT_MY_DATA} (?:\w+ ){0,3}?(?:cancellat|eliminat|rimoss|distrutt)[oaie]\b`)],
  ['erase', /\bdiritto (?:all )?oblio\b/],
  ['withdraw', /\b(?:revoc|ritir)\w* (?:\w+ ){0,3}?consenso\b/],
  ['withdraw', /\bnon (?:voglio|acconsento|accetto) piu\b.{0,60}\b(?:trattiate|trattate|usiate|usate|utilizziate|utilizzate|trattamento|conserviate|conservate|dati|consenso|privacy)\b/],
  ['withdraw', /\bmi oppongo (?:al|all|a|ad) (?:\w+ ){0,2}?(?:trattamento|uso|utilizzo)\b/],
  ['export', new RegExp(String.raw`\b(?:copia|esport\w*|scaric\w*|mandatemi|mandami|inviatemi|inviami|spedite\w*|speditemi|avere|ricevere) (?:\w+ ){0,3}?${IT_MY_DATA}\b`)],
  ['export', /\bportabilita\b/],
  ['myData', new RegExp(String.raw`\b(?:quali|che|cosa) (?:dati|informazioni|info) (?:\w+ ){0,2}?(?:avete|hai|ha|tenete|conservate|possedete|salvate|sapete|raccogliete|trattate|memorizzate|archiviate)\b`)],
  ['myData', new RegExp(String.raw`\b(?:cosa|che cosa|che|quanto) (?:\w+ ){0,1}?(?:sapete|avete|conservate|tenete|salvate|registrate|sai|hai) (?:\w+ ){0,2}?${IT_ABOUT_ME}\b`)],
  ['myData', new RegExp(String.raw`\b(?:vedere|sapere|conoscere|visualizzare|consultare|accedere|accesso) (?:\w+ ){0,3}?(?:${IT_MY_DATA}|dati ${IT_ABOUT_ME})\b`)],
];

// English (normalised the same way: "don't" is "don t").
const EN_MY_DATA = String.raw`(?:(?:all )?(?:of )?my (?:personal )?(?:data|info|information|details|number|phone number|contact|account|profile|messages|chats?)|(?:everything|all|anything|whatever) (?:that )?you (?:have|hold|keep|store|know|got)|(?:the )?(?:data|info|information|details) (?:you (?:have|hold|keep|store) )?(?:on|about) me)`;
const EN_ERASE_VERB = String.raw`(?:delete|erase|remove|wipe|purge|forget|destroy|get rid of)`;

const EN_PATTERNS: Array<[DataRightsRequest, RegExp]> = [
  ['erase', new RegExp(String.raw`\b${EN_ERASE_VERB} (?:\w+ ){0,3}?${EN_MY_DATA}\b`)],
  ['erase', new RegExp(String.raw`\b${EN_ERASE_VERB} me\b`)],
  ['erase', /\b(?:be|get|being) (?:deleted|erased|forgotten|removed)\b/],
  ['erase', /\bright to (?:be forgotten|erasure)\b/],
  ['erase', new RegExp(String.raw`\b${EN_MY_DATA} (?:\w+ ){0,3}?(?:deleted|erased|removed|wiped|destroyed)\b`)],
  ['withdraw', /\b(?:withdraw|revoke|retract|take back|pull) (?:\w+ ){0,2}?consent\b/],
  ['withdraw', /\bstop (?:processing|using|storing|keeping|handling) (?:\w+ ){0,1}?(?:my|me)\b/],
  ['withdraw', /\bi (?:do not consent|don t consent|no longer consent)\b/],
  ['withdraw', /\bi object to (?:\w+ ){0,2}?(?:processing|use|using)\b/],
  ['withdraw', /\bopt (?:me )?out\b/],
  ['export', new RegExp(String.raw`\b(?:copy|export|download|send me|give me|get) (?:\w+ ){0,2}?${EN_MY_DATA}\b`)],
  ['export', /\bdata portability\b/],
  ['myData', /\bwhat (?:personal )?(?:data|info|information|details) (?:\w+ ){0,2}?(?:have|hold|keep|store|know|collect|process)\b/],
  ['myData', /\bwhat (?:\w+ ){0,1}?(?:do|does|did) you (?:have|hold|keep|store|know|collect) (?:\w+ ){0,2}?(?:on|about) me\b/],
  ['myData', new RegExp(String.raw`\b(?:see|view|access|check|know) (?:\w+ ){0,2}?${EN_MY_DATA}\b`)],
  ['myData', /\bsubject access request\b/],
];

/** Erasing is read first: it explains and asks for confirmation before doing anything. */
const ORDER: DataRightsRequest[] = ['erase', 'withdraw', 'export', 'myData'];
const PATTERNS = [...IT_PATTERNS, ...EN_PATTERNS].sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]));

/** The data right this message asks to exercise, in any of the bot's languages, if any. */
export function dataRightsRequestOf(text: string): DataRightsRequest | undefined {
  if (text.length > MAX_REQUEST_CHARS) return undefined;
  const normalised = ` ${tokenize(text).join(' ')} `;
  for (const [right, pattern] of PATTERNS) if (pattern.test(normalised)) return right;
  return undefined;
}
