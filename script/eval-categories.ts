/**
 * `npm run eval:categories`: how well free-text answers to "what is the report about?" are
 * understood, on two held-out sets: tests/fixtures/category-eval.json (the first, 213 messages)
 * and tests/fixtures/category-eval-fresh.json (written later and never tuned on, to check that
 * the tuning on the first generalises). The classifier trains on config/category-examples.ts and
 * the catalog's synonyms, never on these sentences. Prints accuracy overall, per language, per
 * category, and every miss. `--train` also scores the training examples (the classifier's fit,
 * not a measure of understanding).
 */
import { CATEGORY_EXAMPLES } from '../config/category-examples';
import { categoryUnderstanding } from '../flows/nlp';
import { evaluate, formatEvaluation, FRESH_EVAL_FILE, loadEvalItems, type EvalItem } from '../tests/support/category-eval';

const items = loadEvalItems();
console.log(formatEvaluation(`held-out evaluation set (${items.length} messages)`, evaluate(items, categoryUnderstanding)));
const fresh = loadEvalItems(FRESH_EVAL_FILE);
console.log(`\n${formatEvaluation(`fresh held-out set, never tuned on (${fresh.length} messages)`, evaluate(fresh, categoryUnderstanding))}`);

if (process.argv.includes('--train')) {
  const train: EvalItem[] = Object.entries(CATEGORY_EXAMPLES).flatMap(([expected, { it, en }]) => [
    ...it.map((text) => ({ lang: 'it' as const, text, expected })),
    ...en.map((text) => ({ lang: 'en' as const, text, expected })),
  ]);
  console.log(`\n${formatEvaluation(`training examples (${train.length} sentences)`, evaluate(train, categoryUnderstanding))}`);
}
