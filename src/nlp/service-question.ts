/**
 * Questions about the service itself, asked in the middle of a report as people do: «ma è
 * anonimo?», «chi vede il mio numero?», «quando leggete le segnalazioni?», «e adesso cosa
 * succede?», "is this anonymous?", "what happens next?". Answered, then the dialog goes on
 * (flows/service-questions.ts). Only short messages with a question's shape (a question mark, or
 * a few words): a description that mentions an anonymous letter or opening hours is a description.
 */
import { tokenize } from './text';

export type ServiceQuestion = 'anonymity' | 'hours' | 'whatNext' | 'photo';

/** Longer than this, a message describes something. */
const MAX_QUESTION_CHARS = 120;
/** Without a question mark, only this short a message is taken for a question ("ma è anonimo"). */
const MAX_WORDS_WITHOUT_MARK = 6;

const PATTERNS: Array<[ServiceQuestion, RegExp]> = [
  // Italian
  ['anonymity', /\b(?:e|sono|resto|rimango|rimane|resta|saro|sara|posso (?:restare|rimanere|essere)|si puo (?:restare|rimanere|fare)|in forma|segnalazione) anonim[oaie]\b/],
  ['anonymity', /\banonimato\b/],
  ['anonymity', /\bchi (?:vede|legge|sapra|saprebbe|puo vedere|vedra|conosce) (?:\w+ ){0,2}?(?:mio|mia|miei|che sono|chi sono|che ho|il nome|il numero|la segnalazione|i dati)\b/],
  ['anonymity', /\b(?:sapranno|sapra|scopriranno|scoprira|verranno a sapere|verra a sapere|capiranno) (?:\w+ ){0,3}?(?:sono stato io|sono stata io|che sono io|chi ha segnalato|il mio nome|chi sono)\b/],
  ['anonymity', /\bil mio (?:nome|numero) (?:\w+ ){0,2}?(?:viene|verra|sara|e) (?:\w+ ){0,1}?(?:detto|dato|mostrato|comunicato|visto|riferito|pubblicato)\b/],
  ['hours', /\b(?:quando|a che ora|che orari|che orario|in che orari) (?:\w+ ){0,1}?(?:rispondete|leggete|lavorate|aprite|siete aperti|e aperto|guardate|controllate)\b/],
  ['hours', /\b(?:siete aperti|orari(?:o)? (?:del servizio|di apertura|di servizio))\b/],
  ['whatNext', /\b(?:e )?(?:adesso|ora|poi|dopo) (?:cosa|che cosa|che) (?:succede|succedera|si fa|devo fare|faccio|fate)\b/],
  ['whatNext', /\b(?:cosa|che cosa|che) (?:succede|succedera|fate|farete) (?:adesso|ora|poi|dopo|dopo l invio|con la (?:mia )?segnalazione)\b/],
  ['whatNext', /^(?:e )?(?:adesso|ora) (?:che )?(?:succede|si fa)$/],
  // "quando mi fate sapere qualcosa?", «mi farete sapere?», «quanto ci mettete?»
  ['whatNext', /\b(?:mi|ci) (?:fate|farete|fai|farai|fa|fara|fanno) sapere\b/],
  ['whatNext', /\b(?:quando|come) (?:lo )?(?:sapro|saprò|vengo a sapere|verro a sapere|avro notizie|mi aggiornate|mi rispondete)\b/],
  ['whatNext', /\b(?:quanto|quanti giorni) ci (?:vuole|vorra|mettete|metterete|mette)\b/],
  // «posso mandare (anche) una foto?», «vi mando la foto?»
  ['photo', /\b(?:posso|potrei|devo|si puo|vi|ti|le) (?:anche )?(?:mandar\w*|mando|inviar\w*|invio|allegar\w*|allego|aggiunger\w*|aggiungo) (?:anche )?(?:una |la |delle |le |qualche )?(?:foto|fotografi\w*|immagin\w*)\b/],
  // English
  ['anonymity', /\b(?:is (?:this|it|the report)|am i|can i (?:stay|be|remain)|will i (?:stay|be|remain)|report) anonymous(?:ly)?\b/],
  ['anonymity', /\banonymity\b/],
  ['anonymity', /\bwho (?:sees|can see|will see|reads|will know|knows) (?:\w+ ){0,2}?(?:my|it was me|who i am|i reported|the report)\b/],
  ['anonymity', /\bwill (?:they|he|she|anyone|the person|my neighbou?r|the neighbou?rs) (?:\w+ ){0,1}?(?:know|find out|be told) (?:\w+ ){0,2}?(?:me|it was me|who)\b/],
  ['hours', /\bwhen (?:do|are|will) you (?:\w+ ){0,1}?(?:answer|reply|read|open|work|respond|look)\b/],
  ['hours', /\b(?:opening hours|office hours|are you open)\b/],
  ['whatNext', /\bwhat (?:happens|will happen|do you do|do i do) (?:\w+ ){0,1}?(?:now|next|after|then)\b/],
  ['whatNext', /^(?:so )?what (?:now|next)$/],
  ['whatNext', /\b(?:will you|are you going to|when will you) (?:\w+ ){0,1}?(?:let me know|get back to me|update me|tell me)\b/],
  ['whatNext', /\b(?:when|how soon) (?:will|do|shall) i (?:hear|know|get)\b/],
  ['whatNext', /\bhow long (?:will|does|do) (?:it|this|you) (?:take|need)\b/],
  ['photo', /\b(?:can|could|may|should|shall) i (?:also )?(?:send|add|attach|upload) (?:you )?(?:a |the |some )?(?:photo|picture|pic|image)s?\b/],
];

/** The last message read and its answer: each of the flow's three shortcuts asks about the same message in a turn. */
let last: { text: string; question: ServiceQuestion | undefined } | undefined;

/** The question about the service this message asks, if any. */
export function serviceQuestionOf(text: string): ServiceQuestion | undefined {
  if (last?.text !== text) last = { text, question: readQuestion(text) };
  return last.question;
}

function readQuestion(text: string): ServiceQuestion | undefined {
  if (text.length > MAX_QUESTION_CHARS) return undefined;
  const tokens = tokenize(text);
  // "ho ricevuto una lettera minatoria, è anonima" describes; "è anonimo?" asks.
  if (!text.includes('?') && tokens.length > MAX_WORDS_WITHOUT_MARK) return undefined;
  const normalised = tokens.join(' ');
  return PATTERNS.find(([, pattern]) => pattern.test(normalised))?.[0];
}
