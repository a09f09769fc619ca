/**
 * A report written in one first message ("ci sono sacchi di rifiuti abbandonati in via Carlo
 * Piaggia a Capannori da tre giorni", a photo with such a caption, or a pin): the category, the
 * place (geocoded; a pin wins), the time words and the description are read from it
 * (src/nlp/report-extraction.ts), the bot says what it understood, and the guided dialog goes on
 * asking only what is missing — at least how the citizen knows, then the summary to confirm.
 * The report has the same fields and checks as a guided one (inside the municipality, description
 * limits, the same submit).
 */
import { categoryById, labelWithEmoji } from '../config/categories';
import type { StepOutcome } from '../src/dialog/flow.types';
import { extractReport } from '../src/nlp/report-extraction';
import type { ReportDraft } from './report-draft';
import { STEP, textOf, type ReportStepContext } from './report-steps';
import { locateAddress, locatePin } from './steps/location.steps';
import { withObservedWhen } from './observed-when';
import { checkDescription } from './validators';

export { skipAnswered } from './skip-answered';

/** Does a text say more than a category: a place or time words? (Then it is read as a whole report.) */
export function saysMoreThanCategory(ctx: ReportStepContext, text: string): boolean {
  // "1", "3.", "2)": a menu number says nothing else (most answers on channels with buttons).
  if (MENU_NUMBER.test(text)) return false;
  const extracted = extractReport(text, { knownPlaces: knownPlaces(ctx) });
  return Boolean(extracted.place || extracted.area || extracted.when);
}

const MENU_NUMBER = /^\s*\d{1,2}\s*[.)]?\s*$/;

const knownPlacesCache = new WeakMap<object, string[]>();

/**
 * The municipality's own place names: its name and its zones' (frazioni) names, split at "," and
 * " e ". Built once per territory (both are loaded at start and never change).
 */
export function knownPlaces(ctx: ReportStepContext): string[] {
  const { territory, municipality } = ctx.services;
  let places = knownPlacesCache.get(territory);
  if (!places) {
    const zones = territory.zones().flatMap((zone) => zone.name.split(/,\s*|\s+e\s+/));
    places = [municipality.name, ...zones];
    knownPlacesCache.set(territory, places);
  }
  return places;
}

/**
 * Reads a first message as a whole report; `readCategory` is the category step's reading.
 * Undefined when it is not one (no category, place or pin): the caller goes on as before.
 */
export async function readOneMessage(
  ctx: ReportStepContext,
  readCategory: (ctx: ReportStepContext) => Promise<StepOutcome<ReportDraft>>,
): Promise<StepOutcome<ReportDraft> | undefined> {
  const t = textOf(ctx);
  const { payload } = ctx.message;
  let draft: ReportDraft = { ...ctx.draft };
  const replies: Array<{ text: string }> = [];

  if (payload.kind === 'location') {
    const pinned = await locatePin(ctx, payload.point, payload.label);
    if (!pinned.ok) return pinned;
    return { ok: true, next: STEP.category, draft: pinned.location ? { ...draft, location: pinned.location } : draft, replies: pinned.replies };
  }
  if (payload.kind === 'photo' && payload.mediaRef) draft = { ...draft, photoRefs: [payload.mediaRef] };

  const text = ctx.text?.trim();
  if (!text) return payload.kind === 'photo' && payload.mediaRef ? { ok: true, next: STEP.category, draft, replies: [{ text: t.photo.received }] } : undefined;

  const extracted = extractReport(text, { knownPlaces: knownPlaces(ctx) });
  const category = await readCategory({ ...ctx, draft });
  if (!category.ok && !extracted.place && !extracted.area && draft.photoRefs.length === 0) return undefined;

  if (category.ok) draft = category.draft ?? draft;
  // A likely category in a whole report is taken: the citizen sees it below and in the summary,
  // where «Correggi» changes it, instead of a yes/no question before anything else.
  const suggested = category.ok && category.next === STEP.categoryConfirm ? categoryById(draft.suggestedCategoryId ?? '') : undefined;
  if (suggested) draft = { ...draft, categoryId: suggested.id, suggestedCategoryId: undefined };
  const description = checkDescription(text);
  if (description.ok) draft = { ...draft, description: description.value, oneMessage: true };
  // The time words become the report's "when observed", resolved at this message's time.
  if (extracted.when) draft = withObservedWhen(ctx, draft, text);

  if (extracted.place) {
    const found = await locateAddress(ctx, extracted.place);
    if (found.ok) draft = { ...draft, location: found.location };
    else replies.push({ text: found.lookupDown ? t.oneMessage.placeLookupDown(extracted.place) : t.oneMessage.placeNotFound(extracted.place) });
  }
  // A frazione named without a street (or with a street not found) is an area, not a point: the
  // location question still comes, asking where in it.
  if (!draft.location && extracted.area) draft = { ...draft, area: extracted.area };
  const where = draft.location ? [draft.location.address, draft.location.zoneName].filter(Boolean).join(', ') : extracted.area;
  replies.unshift({ text: t.oneMessage.understood({ where, when: extracted.when, photos: draft.photoRefs.length }) });

  if (!category.ok) return { ok: true, next: STEP.category, draft, replies };
  if (suggested) {
    return { ok: true, next: STEP.reliability, draft, replies: [...replies, { text: t.category.chosen(labelWithEmoji(suggested, ctx.lang)) }] };
  }
  return { ...category, draft, replies: [...replies, ...(category.replies ?? [])] };
}
