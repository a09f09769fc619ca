/**
 * How the citizen knows, told while the category is still being settled ("l'ho vista io" at «Intendi
 * X oppure Y?»): kept, and the category question asked again; once the category is chosen the
 * reliability question is skipped. Without this the answer was read as a description of the problem.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { promptsFor } from '../src/texts/citizen';
import { reliabilityMenu } from './choices';
import { categoryUnderstanding, stemmedContentTokens, tokenize } from './nlp';
import { timeWordsIn } from '../src/nlp/time-words';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';

let vocabulary: Set<string> | undefined;

/**
 * A message that only says how the citizen knows: made of the reliability answers' own words ("l'ho
 * vista io", "me l'hanno detto"), with at most words that name no problem ("I saw it this morning with
 * my kids"). "ho visto uno che spacciava" says what happened, and is read as the category.
 */
export function onlySaysHowKnown(text: string): boolean {
  vocabulary ??= new Set(
    LANGUAGES.flatMap((lang) => {
      const { labels, words } = promptsFor(lang).reliability;
      return [...Object.values(labels), ...Object.values(words).flat()].flatMap(stemmedContentTokens);
    }),
  );
  // When it was seen ("stamattina") says nothing of what it was either.
  const when = timeWordsIn(text);
  const withoutWhen = when ? text.replace(when, ' ') : text;
  const rest = tokenize(withoutWhen).filter((token) => !stemmedContentTokens(token).every((stem) => vocabulary!.has(stem)));
  return rest.length === 0 || categoryUnderstanding(rest.join(' ')).kind === 'unknown';
}

export function takeEarlyReliability(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  if (!ctx.text || ctx.draft.reliability || !onlySaysHowKnown(ctx.text)) return undefined;
  const reliability = reliabilityMenu.match(ctx.text);
  if (!reliability) return undefined;
  return { ok: true, next: ctx.state.step, draft: { ...ctx.draft, reliability }, replies: [{ text: textOf(ctx).reliability.keptForLater }] };
}
