import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';

/**
 * natural's naive Bayes classifier, turning a message into its feature vector from a list of the
 * known features made once (natural enumerates its feature dictionary with for..in and scans the
 * message for each feature, which made training and every message several times slower as the
 * vocabulary grew). Same vector, same model.
 */
export class FeatureListBayesClassifier extends BayesClassifier {
  private featureList: string[] | undefined;

  override addDocument(text: string | string[], classification: string): void {
    this.featureList = undefined;
    super.addDocument(text, classification);
  }

  override textToFeatures(observation: string | string[]): number[] {
    if (typeof observation === 'string') return super.textToFeatures(observation);
    // Object.keys has the order of for..in, so the vector lines up with natural's own.
    this.featureList ??= Object.keys(this.features);
    const present = new Set(observation);
    return this.featureList.map((feature) => (present.has(feature) ? 1 : 0));
  }
}
