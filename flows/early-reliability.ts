/**
 * How the citizen knows, told while the category is still being settled ("l'ho vista io" at «Intendi
 * X oppure Y?»): kept, and the category question asked again; once the category is chosen the
 * reliability question is skipped. Without this the answer was read as a description of the problem.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import { LANGUAGES } from '../src/dialog/state';
import { promptsFor } from '../src/texts/citizen';
import { reliabilityMenu } from './choices';
import { stemmedContentTokens } from './nlp';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';

let vocabulary: Set<string> | undefined;

/**
 * Only a message made of the reliability answers' own words ("l'ho vista io", "me l'hanno detto"):
 * "ho visto uno che spacciava" says what happened, and is read as the category.
 */
function onlySaysHowKnown(text: string): boolean {
  vocabulary ??= new Set(
    LANGUAGES.flatMap((lang) => {
      const { labels, words } = promptsFor(lang).reliability;
      return [...Object.values(labels), ...Object.values(words).flat()].flatMap(stemmedContentTokens);
    }),
  );
  const stems = stemmedContentTokens(text);
  return stems.length > 0 && stems.every((stem) => vocabulary!.has(stem));
}

export function takeEarlyReliability(ctx: ReportStepContext): StepOutcome<ReportDraft> | undefined {
  if (!ctx.text || ctx.draft.reliability || !onlySaysHowKnown(ctx.text)) return undefined;
  const reliability = reliabilityMenu.match(ctx.text);
  if (!reliability) return undefined;
  return { ok: true, next: ctx.state.step, draft: { ...ctx.draft, reliability }, replies: [{ text: textOf(ctx).reliability.keptForLater }] };
}
