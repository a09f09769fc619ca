import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { createCategoryClassifier } from '/work/main/src/nlp/category-classifier';
import { stemmedContentTokens } from '/work/main/src/nlp/text';
import { CATEGORY_EXAMPLES } from '/work/main/config/category-examples';
import { CATEGORIES } from '/work/main/config/categories';
const b = new BayesClassifier();
for (const [id, s] of Object.entries(CATEGORY_EXAMPLES)) for (const t of [...s.it, ...s.en]) b.addDocument(stemmedContentTokens(t), id);
for (const c of CATEGORIES) for (const l of [c.labels.it, c.labels.en, ...c.synonyms.it, ...c.synonyms.en]) b.addDocument(stemmedContentTokens(l), c.id);
b.train();
for (const s of process.argv.slice(2)) {
  const toks = stemmedContentTokens(s);
  console.log(s, toks, toks.map(t => t in b.features ? b.features[t] : 0));
  const cl = b.getClassifications(toks.filter(t => t in b.features)); const tot = cl.reduce((a,c)=>a+c.value,0);
  console.log(cl.slice(0,4).map(c => c.label + ':' + (c.value/tot).toFixed(3)).join(' '));
}
