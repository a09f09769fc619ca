/**
 * Where: a location pin (reverse-geocoded for an address when possible) or a typed address
 * (geocoded, shown back for confirmation). Points outside the municipality are refused with the
 * reason; without a reachable geocoder the citizen is asked for a pin instead.
 */
import type { StepOutcome } from '../../src/dialog/flow.types';
import type { GeoPoint } from '../../src/domain/message';
import { yesNoMenu } from '../choices';
import type { DraftLocation, ReportDraft } from '../report-draft';
import { STEP, textOf, type ReportStep, type ReportStepContext } from '../report-steps';
import { skipAnswered } from '../skip-answered';
import { takeEarlyPhoto } from '../early-photo';
import { categoryChangeOfMind } from '../change-of-mind';
import { normalizeText } from '../nlp';

/** Shorter typed text cannot be an address ("qui", "lì"). */
const MIN_ADDRESS_LENGTH = 4;

function located(ctx: ReportStepContext, location: DraftLocation): StepOutcome<ReportDraft> {
  const t = textOf(ctx).location;
  return {
    ok: true,
    next: skipAnswered(STEP.photo, ctx.draft),
    draft: { ...ctx.draft, location, candidateLocation: undefined },
    replies: [{ text: t.received({ address: location.address ?? t.pinWithoutAddress, zone: location.zoneName }) }],
  };
}

function withZone(ctx: ReportStepContext, location: DraftLocation): DraftLocation {
  const zone = ctx.services.territory.zoneOf(location.point);
  return zone ? { ...location, zone: zone.id, zoneName: zone.name } : location;
}

const outside = (ctx: ReportStepContext, address?: string): StepOutcome<ReportDraft> => ({
  ok: false,
  reason: textOf(ctx).location.outside({ town: ctx.services.municipality.name, address }),
});

async function fromPin(ctx: ReportStepContext, point: GeoPoint, label?: string): Promise<StepOutcome<ReportDraft>> {
  if (!ctx.services.territory.contains(point)) return outside(ctx);
  const reverse = await ctx.services.geocoder.reverse(point);
  // No address is fine: the point is what the police need.
  const address = reverse.ok ? reverse.address : label?.trim() || undefined;
  return located(
    ctx,
    withZone(ctx, { point, ...(address ? { address } : {}), ...(reverse.ok && reverse.zipcode ? { zipcode: reverse.zipcode } : {}) }),
  );
}

type AddressLookup =
  | { kind: 'found'; location: DraftLocation }
  | { kind: 'not_found' }
  | { kind: 'outside'; address?: string }
  /** Addresses cannot be looked up now (the geocoder is down). */
  | { kind: 'unavailable' };

/** A typed address, geocoded and checked (inside the municipality). */
async function lookUpAddress(ctx: ReportStepContext, typed: string): Promise<AddressLookup> {
  if (typed.trim().length < MIN_ADDRESS_LENGTH) return { kind: 'not_found' };
  const found = await geocodeInArea(ctx, typed.trim());
  if (!found.ok) return { kind: found.reason === 'unavailable' ? 'unavailable' : 'not_found' };
  if (!ctx.services.territory.contains(found.point)) return { kind: 'outside', address: found.address };
  return { kind: 'found', location: withZone(ctx, { point: found.point, address: found.address, ...(found.zipcode ? { zipcode: found.zipcode } : {}) }) };
}

async function fromAddress(ctx: ReportStepContext, typed: string): Promise<StepOutcome<ReportDraft>> {
  const t = textOf(ctx).location;
  const lookup = await lookUpAddress(ctx, typed);
  if (lookup.kind === 'unavailable') return { ok: false, reason: t.geocoderDown, prompt: { text: t.pinOnly, requestLocation: true } };
  if (lookup.kind === 'not_found') return { ok: false, reason: t.notFound };
  if (lookup.kind === 'outside') return outside(ctx, lookup.address);
  return { ok: true, next: STEP.locationConfirm, draft: { ...ctx.draft, candidateLocation: lookup.location } };
}

/**
 * A typed address looked up in the municipality; when the citizen named a frazione before and not
 * now ("via Roma 3" after "...a Lunata"), in that frazione first, then anywhere in the municipality.
 */
async function geocodeInArea(ctx: ReportStepContext, typed: string) {
  const inMunicipality = (text: string) => ctx.services.geocoder.geocode(`${text}, ${ctx.services.municipality.geocodeSuffix}`);
  const area = ctx.draft.area;
  if (!area || normalizeText(typed).includes(normalizeText(area))) return inMunicipality(typed);
  const found = await inMunicipality(`${typed}, ${area}`);
  return found.ok || found.reason === 'unavailable' ? found : inMunicipality(typed);
}

/** A pin of a one-message report: the same checks as here (inside the municipality, address looked up). */
export async function locatePin(
  ctx: ReportStepContext,
  point: GeoPoint,
  label?: string,
): Promise<{ ok: true; location: DraftLocation; replies: Array<{ text: string }> } | { ok: false; reason: string }> {
  const outcome = await fromPin(ctx, point, label);
  if (!outcome.ok) return outcome;
  return { ok: true, location: outcome.draft!.location!, replies: (outcome.replies ?? []).map((r) => ({ text: r.text ?? '' })) };
}

/**
 * A place named in a one-message report, geocoded and checked as a typed address is here; when it
 * is not found, whether addresses could be looked up at all.
 */
export async function locateAddress(
  ctx: ReportStepContext,
  typed: string,
): Promise<{ ok: true; location: DraftLocation } | { ok: false; lookupDown: boolean }> {
  const lookup = await lookUpAddress(ctx, typed);
  return lookup.kind === 'found' ? { ok: true, location: lookup.location } : { ok: false, lookupDown: lookup.kind === 'unavailable' };
}

async function readLocation(ctx: ReportStepContext): Promise<StepOutcome<ReportDraft>> {
  const { payload } = ctx.message;
  if (payload.kind === 'location') return fromPin(ctx, payload.point, payload.label);
  return fromAddress(ctx, ctx.text ?? '');
}

export const locationStep: ReportStep = {
  id: STEP.location,
  needsConsent: true,
  // A photo here is kept for the photo question (flows/early-photo.ts).
  accepts: ['location', 'text', 'photo'],
  prompt: (ctx) => ({ text: ctx.draft.area ? textOf(ctx).location.promptIn(ctx.draft.area) : textOf(ctx).location.prompt, requestLocation: true }),
  help: (ctx) => textOf(ctx).location.help,
  handle: async (ctx) => takeEarlyPhoto(ctx) ?? categoryChangeOfMind(ctx) ?? readLocation(ctx),
};

export const locationConfirmStep: ReportStep = {
  id: STEP.locationConfirm,
  parent: STEP.location,
  needsConsent: true,
  accepts: ['text', 'location'],
  prompt: (ctx) => ({
    text: textOf(ctx).location.confirm(ctx.draft.candidateLocation?.address ?? '?'),
    choices: yesNoMenu.labels(ctx.lang),
  }),
  help: (ctx) => textOf(ctx).location.help,
  async handle(ctx) {
    const answer = ctx.message.payload.kind === 'text' && ctx.text ? yesNoMenu.match(ctx.text) : undefined;
    const candidate = ctx.draft.candidateLocation;
    if (answer === 'yes' && candidate) return located(ctx, candidate);
    if (answer === 'no' || (answer === 'yes' && !candidate)) {
      return {
        ok: true,
        next: STEP.location,
        draft: { ...ctx.draft, candidateLocation: undefined },
        replies: [{ text: textOf(ctx).location.confirmRejected }],
      };
    }
    // A pin, or another address typed instead of yes/no: read it as the answer to "where?".
    return readLocation(ctx);
  },
};
