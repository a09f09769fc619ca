/**
 * "Left there for a long time": a duration of weeks or more ("da mesi", "da una vita", "for weeks",
 * "since long time", "hasn't moved"). Beside a thing the catalog lists as abandonable (a car, a
 * scooter), it says the thing is abandoned, whatever incidental words suggest ("nobody take it",
 * "it is broken"). Days or a single week are not enough: a van parked "da due giorni" may be someone
 * watching.
 */
const IT_AMOUNT = String.raw`(?:\d+|un|una|due|tre|quattro|cinque|sei|qualche|diversi|diverse|parecchi|parecchie|molti|molte|tanti|tante|svariati|piu di un|piu di una|oltre un|oltre una)`;
const EN_AMOUNT = String.raw`(?:(?:like|about|around|nearly|almost|over|more than|at least) )?(?:\d+|a|one|two|three|four|five|six|a few|few|several|many|some|a couple of|couple of)`;
const SEASONS_AND_MONTHS = String.raw`(?:estate|inverno|primavera|autunno|natale|pasqua|ferragosto|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)`;

const LONG_DURATION = new RegExp(
  [
    // Italian: "da mesi", "da tre settimane", "da una vita", "da un sacco di tempo", "da tanto".
    String.raw`\bda (?:${IT_AMOUNT} )?(?:mesi|mese|settimane|anni|anno|eternita|secoli)\b`,
    // A week is "more than a week": parked "da una settimana" may be someone away on holiday.
    String.raw`\b(?:da )?(?:piu di|oltre) una settimana\b`,
    String.raw`\bda (?:una vita|un eternita|un sacco (?:di |e )?tempo|un bel po|tanto(?: tempo)?|tantissimo(?: tempo)?|molto tempo|parecchio(?: tempo)?|sempre)\b`,
    // "dall'estate scorsa", "da agosto", "dall'anno scorso", "dal mese scorso".
    String.raw`\b(?:da|dal|dall|dalla|dallo|d o|do) (?:${SEASONS_AND_MONTHS}|anno scorso|mese scorso|anno passato|mese passato)\b`,
    String.raw`\b(?:mai (?:stat[oa] )?(?:spostat|toccat|mess)\p{L}*|non si (?:e )?(?:mai )?(?:mosso|mossa|spostat\p{L}*|muove))\b`,
    // English, native or not: "for weeks", "for ages", "since long time", "since months", "hasn't moved".
    String.raw`\b(?:for|since|from) (?:${EN_AMOUNT} )?(?:weeks|months|month|years|year|ages|forever)\b`,
    String.raw`\b(?:for |since )?(?:over|more than) a week\b`,
    String.raw`\b(?:for|since|from) (?:a |very |so )?(?:long|very long|such a long) time\b`,
    String.raw`\b(?:since|from) (?:last |the )?(?:summer|winter|spring|autumn|christmas|easter|january|february|march|april|may|june|july|august|september|october|november|december)\b`,
    String.raw`\b(?:not|never|hasnt|hasn t|has not|havent|haven t|didnt|didn t) (?:been )?(?:moved|move|moves|touched)\b`,
  ].join('|'),
  'u',
);

/** The text (its tokens, joined by spaces) says something has been left for weeks or more. */
export function saysLeftForLong(tokens: string): boolean {
  return LONG_DURATION.test(tokens);
}

/**
 * People live or sleep in it ("camper con gente che ci vive", "people sleeping in the van"): an
 * encampment, not a vehicle left behind, however long it has been there.
 */
const LIVED_IN = /\b(?:ci (?:vive|vivono|abita|abitano|dorme|dormono|sta della gente)|(?:gente|persone|qualcuno) (?:che )?(?:ci )?(?:vive|vivono|dorme|dormono)|(?:living|sleeping|lives|sleeps|live|sleep) in (?:it|them|there)|(?:people|someone|somebody) (?:is |are )?(?:living|sleeping) in)\b/u;

export function saysLivedIn(tokens: string): boolean {
  return LIVED_IN.test(tokens);
}
