/**
 * "stato": the citizen's latest reports with their ticket code and status in plain words, and the
 * reports they follow because they confirmed them ("same situation").
 */
import { DateTime } from 'luxon';
import type { DialogReply } from '../src/dialog/engine.types';
import type { ReportView } from '../src/domain/ports';
import { textOf, type ReportStepContext } from './report-steps';
import { categoryLabel } from './steps/category.steps';

/** How many reports the status shows (newest first). */
export const STATUS_LIMIT = 5;

export async function renderStatus(ctx: ReportStepContext): Promise<DialogReply[]> {
  const t = textOf(ctx).status;
  const [own, followed] = await Promise.all([
    ctx.services.reports.listByCitizen(ctx.citizenRef, STATUS_LIMIT),
    ctx.services.confirmations.listFollowed(ctx.citizenRef, STATUS_LIMIT),
  ]);
  const ownIds = new Set(own.map((r) => r.id));
  const rows: Array<{ report: ReportView; following: boolean }> = [
    ...own.map((report) => ({ report, following: false })),
    ...followed.filter((r) => !ownIds.has(r.id)).map((report) => ({ report, following: true })),
  ]
    .sort((a, b) => new Date(b.report.createdAt).getTime() - new Date(a.report.createdAt).getTime())
    .slice(0, STATUS_LIMIT);
  if (rows.length === 0) return [{ text: t.none }];
  const zone = ctx.services.municipality.serviceHours.timeZone;
  const lines = rows.map(({ report: r, following }) => {
    const day = DateTime.fromJSDate(new Date(r.createdAt), { zone }).toFormat('dd/MM');
    const line = `• ${r.ticketCode} (${day}) · ${categoryLabel(r.categoryId, ctx.lang)}: ${t.words[r.status] ?? r.status}`;
    return following ? `${line} · ${t.following}` : line;
  });
  return [{ text: [t.title, ...lines].join('\n') }];
}
