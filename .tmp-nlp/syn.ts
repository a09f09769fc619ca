import { matchChoice } from '../src/nlp/answer-matcher';
import { categoryChoiceOptions } from '../src/nlp/category-options';
import { createCategoryClassifier } from '../src/nlp/category-classifier';
import { CATEGORIES } from '../config/categories';
import { CATEGORY_EXAMPLES } from '../config/category-examples';
const opts = categoryChoiceOptions();
for (const c of CATEGORIES) for (const s of [c.labels.it, c.labels.en, ...c.synonyms.it, ...c.synonyms.en]) {
  const r = matchChoice(s, opts); if (!r.ok || r.id !== c.id) console.log(c.id, JSON.stringify(s), JSON.stringify(r));
}
const cl = createCategoryClassifier();
let bad = 0, n = 0;
for (const [id, ex] of Object.entries(CATEGORY_EXAMPLES)) for (const s of [...ex.it, ...ex.en]) { n++; const r = cl.suggest(s); if (r?.categoryId !== id) { bad++; console.log('EX', id, s, JSON.stringify(r)); } }
console.log(bad, '/', n);
