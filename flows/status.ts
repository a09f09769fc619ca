/** "stato": the citizen's latest reports with their ticket code and status in plain words. */
import { DateTime } from 'luxon';
import type { DialogReply } from '../src/dialog/engine.types';
import { textOf, type ReportStepContext } from './report-steps';
import { categoryLabel } from './steps/category.steps';

/** How many reports the status shows (newest first). */
export const STATUS_LIMIT = 5;

export async function renderStatus(ctx: ReportStepContext): Promise<DialogReply[]> {
  const t = textOf(ctx).status;
  const reports = await ctx.services.reports.listByCitizen(ctx.citizenRef, STATUS_LIMIT);
  if (reports.length === 0) return [{ text: t.none }];
  const zone = ctx.services.municipality.serviceHours.timeZone;
  const lines = reports.map((r) => {
    const day = DateTime.fromJSDate(new Date(r.createdAt), { zone }).toFormat('dd/MM');
    return `• ${r.ticketCode} (${day}) · ${categoryLabel(r.categoryId, ctx.lang)}: ${t.words[r.status] ?? r.status}`;
  });
  return [{ text: [t.title, ...lines].join('\n') }];
}
