/**
 * "Is it the same situation?": before a report is sent, the nearest open report of the same
 * category within the category's radius (municipality default otherwise) and the time window,
 * sent by someone else. It is shown by category, street (no house number) and age only: never
 * who sent it, what they wrote or their photos.
 */
import { categoryById } from '../config/categories';
import type { DialogReply } from '../src/dialog/engine.types';
import { yesNoMenu } from './choices';
import { streetOnly } from './places';
import type { NearbyReport } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import { categoryLabel } from './steps/category.steps';

const HOUR_MS = 3_600_000;

/** The open report this one may duplicate, or undefined. */
export async function findNearbyReport(ctx: ReportStepContext): Promise<NearbyReport | undefined> {
  const { draft, services } = ctx;
  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;
  const location = draft.location;
  if (!category || !location) return undefined;
  const radius = category.nearbyRadiusMeters ?? services.municipality.nearbyRadiusMeters;
  if (radius <= 0) return undefined; // e.g. "Altro": too vague to call two reports the same
  const since = new Date(ctx.now.getTime() - services.municipality.nearbyWindowHours * HOUR_MS);
  const found = await services.reports.findOpenNear(location.point, category.id, radius, since);
  // The citizen has an open report of this kind here already: they are reporting again (or this is
  // a retried "Invia" that created theirs a moment ago). Never ask them to confirm someone else's.
  if (found.some((report) => report.citizenRef === ctx.citizenRef)) return undefined;
  const nearest = found[0]; // findOpenNear lists the nearest first
  if (!nearest) return undefined;
  const zoneName = nearest.location.zone ? services.territory.zones().find((z) => z.id === nearest.location.zone)?.name : undefined;
  const street = streetOnly(nearest.address ?? nearest.location.address);
  return {
    reportId: nearest.id,
    categoryId: nearest.categoryId,
    ...(street ? { street } : {}),
    ...(zoneName ? { zoneName } : {}),
    createdAt: new Date(nearest.createdAt).toISOString(),
  };
}

export function nearbyQuestion(ctx: ReportStepContext): DialogReply {
  const t = textOf(ctx).nearby;
  const nearby = ctx.draft.nearby;
  // A clock a little behind the database's reads as "just now", not as the future.
  const minutes = nearby ? Math.max(0, Math.floor((ctx.now.getTime() - Date.parse(nearby.createdAt)) / 60_000)) : 0;
  const where = nearby?.street ?? (nearby?.zoneName ? t.zone(nearby.zoneName) : t.somewhere);
  return {
    text: t.question({ category: categoryLabel(nearby?.categoryId, ctx.lang), where, ago: t.ago(minutes) }),
    choices: yesNoMenu.labels(ctx.lang),
  };
}
