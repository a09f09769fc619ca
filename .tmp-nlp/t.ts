import { createCategoryClassifier } from '../src/nlp/category-classifier';
for (let i = 0; i < 4; i++) { const c = createCategoryClassifier(); console.log(c.trainingMs.toFixed(1)); }
