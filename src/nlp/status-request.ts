/**
 * "Where is my report?" in the citizen's own words: «a che punto è la mia segnalazione?», «ci sono
 * novità?», «ma quando venite?», "any update on my report?", "has anyone looked at it?". The exact
 * words («stato», "status") are matched by flows/anytime-words.ts; this catches the questions
 * around them, which would otherwise be read as a new report or an addition to the open one.
 *
 * Only short messages, and only questions about the report's progress: a description that
 * mentions a report ("l'ho già segnalato tre volte e nessuno è venuto, i rifiuti sono ancora lì")
 * names a problem and stays a description.
 */
import { tokenize } from './text';

/** Longer than this, a message describes something. */
const MAX_REQUEST_CHARS = 90;

const IT_REPORT = String.raw`(?:segnalazion[ei]|pratica|richiesta|ticket|denuncia|esposto)`;
const EN_REPORT = String.raw`(?:report|reports|ticket|complaint|request|case)`;

const PATTERNS: RegExp[] = [
  // Italian
  /\ba che punto (?:e|sta|siamo|siete|state)\b/,
  new RegExp(String.raw`\b(?:novita|notizie|aggiornament[oi]|news|riscontr[oi]|risposte?) (?:\w+ ){0,3}?${IT_REPORT}\b`),
  /^(?:ci sono |avete |ce |c e |qualche |delle |nessuna |ancora )*(?:novita|notizie|aggiornamenti|news)(?: \w+){0,2}$/,
  new RegExp(String.raw`\b(?:stato|esito) (?:della|delle|dell|di|del) (?:\w+ ){0,1}?${IT_REPORT}\b`),
  new RegExp(String.raw`\bcome (?:e|sta) (?:andata|finita|andando|messa) (?:\w+ ){0,2}?${IT_REPORT}\b`),
  new RegExp(String.raw`\b(?:avete|hai|ha|qualcuno ha) (?:\w+ ){0,1}?(?:letto|visto|ricevuto|preso in carico|guardato|considerato) (?:\w+ ){0,2}?${IT_REPORT}\b`),
  // "quando venite?" ends the message; "quando passa la gente il cane abbaia" or "le vedette
  // fischiano quando passa qualcuno e altri vendono" are descriptions.
  /\bquando (?:venite|verrete|arrivate|arriverete|passate|passerete|intervenite|interverrete)(?: \w+){0,3}$/,
  /\bquando (?:verra|viene|arriva|passa|manderete|mandate) (?:qualcuno|una pattuglia|la pattuglia|i vigili|la polizia|un agente|l agente|una volante)(?: \w+){0,2}$/,
  /\b(?:e|sta) (?:arrivando|venendo) qualcuno\b/,
  // English
  new RegExp(String.raw`\b(?:status|progress) (?:of|on) (?:\w+ ){0,1}?${EN_REPORT}\b`),
  new RegExp(String.raw`\b(?:any|an|some) (?:news|update|updates|progress|feedback) (?:\w+ ){0,3}?${EN_REPORT}\b`),
  /^(?:any|are there any|got any) (?:news|updates?|progress)(?: \w+){0,2}$/,
  new RegExp(String.raw`\bwhat (?:happened|s happening|is happening|has happened) (?:to|with) (?:\w+ ){0,1}?${EN_REPORT}\b`),
  new RegExp(String.raw`\b(?:has|have|did) (?:anyone|anybody|someone|you) (?:\w+ ){0,1}?(?:looked at|seen|read|received|got|checked) (?:\w+ ){0,2}?${EN_REPORT}\b`),
  /\bwhen (?:will|are|is|do) (?:you|someone|anyone|a patrol|the police|somebody) (?:\w+ ){0,1}?(?:come|coming|arrive|arriving|get here|be here|show up|turn up|sort)\b/,
  /\bis (?:anyone|someone|anybody) coming\b/,
  new RegExp(String.raw`\bwhere (?:is|are) (?:we )?(?:with |at with )?(?:my|the) ${EN_REPORT}\b`),
];

/** Does this message ask how the citizen's report is going? */
export function isStatusRequest(text: string): boolean {
  if (text.length > MAX_REQUEST_CHARS) return false;
  const normalised = tokenize(text).join(' ');
  return PATTERNS.some((pattern) => pattern.test(normalised));
}
