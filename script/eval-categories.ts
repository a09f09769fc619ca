/**
 * `npm run eval:categories`: how well free-text answers to "what is the report about?" are
 * understood, on the held-out set tests/fixtures/category-eval.json (the classifier trains on
 * config/category-examples.ts, never on these sentences). Prints accuracy overall, per language,
 * per category, and every miss. `--train` also scores the training examples (the classifier's
 * fit, not a measure of understanding).
 */
import { CATEGORY_EXAMPLES } from '../config/category-examples';
import { categoryUnderstanding } from '../flows/nlp';
import { evaluate, formatEvaluation, loadEvalItems, type EvalItem } from '../tests/support/category-eval';

const items = loadEvalItems();
console.log(formatEvaluation(`held-out evaluation set (${items.length} messages)`, evaluate(items, categoryUnderstanding)));

if (process.argv.includes('--train')) {
  const train: EvalItem[] = Object.entries(CATEGORY_EXAMPLES).flatMap(([expected, { it, en }]) => [
    ...it.map((text) => ({ lang: 'it' as const, text, expected })),
    ...en.map((text) => ({ lang: 'en' as const, text, expected })),
  ]);
  console.log(`\n${formatEvaluation(`training examples (${train.length} sentences)`, evaluate(train, categoryUnderstanding))}`);
}
