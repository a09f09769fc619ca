import { matchedChoiceOptions } from '../src/nlp/answer-matcher';
import { categoryChoiceOptions } from '../src/nlp/category-options';
import { tokenize } from '../src/nlp/text';
for (const s of process.argv.slice(2)) console.log(s, JSON.stringify(matchedChoiceOptions(tokenize(s), categoryChoiceOptions()).map(o => [o.id, o.score])));
