/**
 * "Is it the same situation?": before a report is sent, the nearest open report of the same
 * category within the category's radius (municipality default otherwise) and the time window,
 * sent by someone else. The question itself tells that a report exists, so it gives away as
 * little as possible (ASVS: the citizen surface must not become an oracle):
 * - never for sensitive categories (drug dealing, suspects, theft): agents see nearby reports in
 *   the panel and merge there;
 * - otherwise only the category, the zone and the day ("today", "yesterday"), never the street,
 *   the minute, who sent it, what they wrote or their photos;
 * - at most `nearbyQuestionsPerDay` questions per citizen and day, whatever the answers, so moving
 *   the pin around to probe stops working after a few tries (the report is then simply sent).
 */
import { categoryById } from '../config/categories';
import type { DialogReply } from '../src/dialog/engine.types';
import { yesNoMenu } from './choices';
import type { NearbyReport } from './report-draft';
import { textOf, type ReportStepContext } from './report-steps';
import { categoryLabel } from './steps/category.steps';

const HOUR_MS = 3_600_000;

/** The open report this one may duplicate, or undefined (also when the question is not allowed). */
export async function findNearbyReport(ctx: ReportStepContext): Promise<NearbyReport | undefined> {
  const { draft, services } = ctx;
  const category = draft.categoryId ? categoryById(draft.categoryId) : undefined;
  const location = draft.location;
  if (!category || !location) return undefined;
  if (category.sensitive) return undefined;
  const radius = category.nearbyRadiusMeters ?? services.municipality.nearbyRadiusMeters;
  if (radius <= 0) return undefined; // e.g. "Altro": too vague to call two reports the same
  const since = new Date(ctx.now.getTime() - services.municipality.nearbyWindowHours * HOUR_MS);
  const found = await services.reports.findOpenNear(location.point, category.id, radius, since);
  // The citizen has an open report of this kind here already: they are reporting again (or this is
  // a retried "Invia" that created theirs a moment ago). Never ask them to confirm someone else's.
  if (found.some((report) => report.citizenRef === ctx.citizenRef)) return undefined;
  const nearest = found[0]; // findOpenNear lists the nearest first
  if (!nearest) return undefined;
  const asked = await services.nearbyQuestions.take(ctx.citizenRef, localDay(ctx.now, timeZoneOf(ctx)));
  if (asked > services.municipality.nearbyQuestionsPerDay) return undefined;
  const zoneName = nearest.location.zone ? services.territory.zones().find((z) => z.id === nearest.location.zone)?.name : undefined;
  return {
    reportId: nearest.id,
    categoryId: nearest.categoryId,
    ...(zoneName ? { zoneName } : {}),
    createdAt: new Date(nearest.createdAt).toISOString(),
  };
}

export function nearbyQuestion(ctx: ReportStepContext): DialogReply {
  const t = textOf(ctx).nearby;
  const nearby = ctx.draft.nearby;
  const timeZone = timeZoneOf(ctx);
  // Calendar days between the report's local day and today's: 0 today, 1 yesterday, more "days ago".
  const days = nearby
    ? Math.max(0, Math.round((Date.parse(localDay(ctx.now, timeZone)) - Date.parse(localDay(new Date(nearby.createdAt), timeZone))) / 86_400_000))
    : 0;
  const where = nearby?.zoneName ? t.zone(nearby.zoneName) : t.somewhere;
  return {
    text: t.question({ category: categoryLabel(nearby?.categoryId, ctx.lang), where, ago: t.ago(days) }),
    choices: yesNoMenu.labels(ctx.lang),
  };
}

const timeZoneOf = (ctx: ReportStepContext) => ctx.services.municipality.serviceHours.timeZone;

/** YYYY-MM-DD of `at` in the municipality's time zone. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
