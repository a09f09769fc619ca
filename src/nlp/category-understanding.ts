/**
 * What a free-text answer to "what is the report about?" means, as one decision that the category
 * step acts on and the evaluation (`npm run eval:categories`) measures:
 * - `chosen`: the menu itself was named ("2", "spaccio", "rifiuti") — taken without asking;
 * - `suggested`: one likely category — "Intendi: Spaccio di droga?" (yes / no);
 * - `candidates`: several menu entries named about equally — the citizen picks from a short list;
 * - `unknown`: nothing recognisable — the menu again.
 */
import { matchChoice, type ChoiceOption } from './answer-matcher';
import type { CategoryClassifier } from './category-classifier';

export type CategoryUnderstanding =
  | { kind: 'chosen'; categoryId: string }
  | { kind: 'suggested'; categoryId: string }
  | { kind: 'candidates'; categoryIds: string[] }
  | { kind: 'unknown' };

export function understandCategory(
  text: string,
  deps: { classifier: CategoryClassifier; menuOptions: ChoiceOption[] },
): CategoryUnderstanding {
  const match = matchChoice(text, deps.menuOptions);
  if (match.ok) return { kind: 'chosen', categoryId: match.id };
  const suggestion = deps.classifier.suggest(text)?.categoryId;
  const candidates = match.candidates ?? [];
  // The classifier's hint wins unless the words name several entries it is not among.
  if (suggestion && (candidates.length < 2 || candidates.includes(suggestion))) return { kind: 'suggested', categoryId: suggestion };
  if (candidates.length === 1) return { kind: 'suggested', categoryId: candidates[0]! };
  if (candidates.length >= 2) return { kind: 'candidates', categoryIds: candidates };
  return { kind: 'unknown' };
}
