/**
 * The place given before it is asked, as people write in bursts ("rifiuti", then at once "in via
 * Carlo Piaggia 12", or a pin while "Come lo sai?" waits): kept, said back, and the step's question
 * asked again; the location question is then skipped (flows/skip-answered.ts). The same checks as
 * at the location step (inside the municipality, geocoded). A message naming no place, or one that
 * cannot be found, is left to the step. Photos sent early: flows/early-photo.ts.
 */
import type { StepOutcome } from '../src/dialog/flow.types';
import { extractReport } from '../src/nlp/report-extraction';
import { knownPlaces } from './one-message';
import { withObservedWhen } from './observed-when';
import type { ReportDraft } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import { locateAddress, locatePin } from './steps/location.steps';

/** The place, given as a pin or named in a text, before the location question. */
export async function takeEarlyPlace(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft> | undefined> {
  if (ctx.draft.location) return undefined;
  const { payload } = ctx.message;
  const step = ctx.state.step;
  if (payload.kind === 'location') {
    const pinned = await locatePin(ctx, payload.point, payload.label);
    if (!pinned.ok) return pinned;
    return { ok: true, next: step, draft: { ...ctx.draft, location: pinned.location }, replies: pinned.replies };
  }
  const text = ctx.text?.trim();
  if (payload.kind !== 'text' || !text) return undefined;
  const { place } = extractReport(text, { knownPlaces: knownPlaces(ctx) });
  if (!place) return undefined;
  const found = await locateAddress(ctx, place);
  if (!found.ok) return undefined;
  const t = textOf(ctx).location;
  return {
    ok: true,
    next: step,
    // "in via Carlo Piaggia da tre giorni": the time words come with the place.
    draft: withObservedWhen(ctx, { ...ctx.draft, location: found.location }, text),
    replies: [{ text: t.received({ address: found.location.address ?? place, zone: found.location.zoneName }) }],
  };
}
