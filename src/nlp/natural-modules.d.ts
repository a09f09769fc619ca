/**
 * Types for the deep imports of `natural` we use. The package root (`natural`) calls
 * dotenv.config() and prints to stdout when imported, so we load single files instead; their
 * own .d.ts files only exist per folder, so each file path is declared here, re-using those types.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer_it.js' {
  import type { Stemmer } from 'natural/lib/natural/stemmers/index.js';
  const stemmer: Stemmer;
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural/lib/natural/stemmers/index.js';
  const stemmer: Stemmer;
  export default stemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  import type { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
  const jaroWinklerDistance: typeof JaroWinklerDistance;
  export default jaroWinklerDistance;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  import type { DamerauLevenshteinDistance, LevenshteinDistance } from 'natural/lib/natural/distance/index.js';
  const distances: {
    DamerauLevenshteinDistance: typeof DamerauLevenshteinDistance;
    LevenshteinDistance: typeof LevenshteinDistance;
  };
  export default distances;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  import type { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
  const bayesClassifier: typeof BayesClassifier;
  export default bayesClassifier;
}
