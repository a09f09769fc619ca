/**
 * The shape of a configured term list (emergency words, urgency words): data, owned by config/ so
 * the lists need nothing from src/nlp, which reads them (src/nlp/term-matcher.ts).
 */
export type TermDefinition = {
  /** Canonical term, reported when it or a variant is found. May be a phrase. */
  term: string;
  /** Other ways to say it (inflections, synonyms, phrases), reported as `term`. */
  variants?: readonly string[];
  /**
   * Also match words with the same Italian stem (default true). Turn off when the stem merges
   * unrelated words: "sparato"/"sparito" -> "spar", "brucia"/"bruciato" (a burnt-out bulb).
   */
  stem?: boolean;
  /**
   * Also match a one-letter typo of words of 6+ letters sharing the first two letters (default
   * true). Turn off when a real word is one letter away: "rapina"/"rapida", "armato"/"amato".
   */
  typos?: boolean;
};

export type TermMatcherConfig = {
  terms: readonly TermDefinition[];
  /** Phrases that neutralise the words they contain ("fuochi d'artificio" is not a fire). */
  exclusions?: readonly string[];
};
