import { createCategoryClassifier } from '../src/nlp/category-classifier';
const c = createCategoryClassifier(undefined, { minConfidence: 0, minMargin: 0 });
for (const s of process.argv.slice(2)) console.log(s, JSON.stringify(c.suggest(s)));
