/**
 * "Left there for a long time": a duration of weeks or more ("da mesi", "da una vita", "for weeks",
 * "since long time", "hasn't moved"). Beside a thing the catalog lists as abandonable (a car, a
 * scooter), it says the thing is abandoned, whatever incidental words suggest ("nobody take it",
 * "it is broken"). Days are not enough: a van parked "da due giorni" may be someone watching.
 */
const IT_AMOUNT = String.raw`(?:\d+|un|una|due|tre|quattro|cinque|sei|qualche|diversi|diverse|parecchi|parecchie|molti|molte|tanti|tante|svariati|piu di un|piu di una|oltre un|oltre una)`;
const EN_AMOUNT = String.raw`(?:\d+|a|one|two|three|four|five|six|a few|few|several|many|some|a couple of|couple of|over a|more than a|about a)`;

const LONG_DURATION = new RegExp(
  [
    // Italian: "da mesi", "da tre settimane", "da una vita", "da un sacco di tempo", "da tanto".
    String.raw`\bda (?:${IT_AMOUNT} )?(?:mesi|mese|settimane|settimana|anni|anno|eternita|secoli)\b`,
    String.raw`\bda (?:una vita|un eternita|un sacco (?:di |e )?tempo|un bel po|tanto(?: tempo)?|tantissimo(?: tempo)?|molto tempo|parecchio(?: tempo)?|sempre|lunedi scorso|l estate|l inverno|natale)\b`,
    String.raw`\b(?:mai (?:stat[oa] )?(?:spostat|toccat|mess)\p{L}*|non si (?:e )?(?:mai )?(?:mosso|mossa|spostat\p{L}*|muove))\b`,
    // English, native or not: "for weeks", "for ages", "since long time", "since months", "hasn't moved".
    String.raw`\b(?:for|since|from) (?:${EN_AMOUNT} )?(?:weeks|week|months|month|years|year|ages|forever)\b`,
    String.raw`\b(?:for|since|from) (?:a |very |so )?(?:long|very long|such a long) time\b`,
    String.raw`\b(?:since|from) (?:last )?(?:summer|winter|spring|autumn|christmas|easter)\b`,
    String.raw`\b(?:not|never|hasnt|hasn t|has not|havent|haven t|didnt|didn t) (?:been )?(?:moved|move|moves|touched)\b`,
  ].join('|'),
  'u',
);

/** The text (its tokens, joined by spaces) says something has been left for weeks or more. */
export function saysLeftForLong(tokens: string): boolean {
  return LONG_DURATION.test(tokens);
}
