/**
 * A dispatch sent to a patrol's phone: after the panel's dispatch move (src/app/reports), the unit
 * the agent chose gets the ticket, category, place (text and map pin), priority, when it was
 * observed (the citizen's words) and description,
 * and — only if the agent chose so — the photos, with buttons to answer. Queued in the staff outbox
 * once per dispatch (its key is the report's version after the move). Sending photos off the panel
 * is a view of police-only material: audited with its reason.
 */
import type { ReportView } from '../../domain/ports';
import type { StaffDeps } from './staff-deps';
import { staffTexts } from './staff-texts';
import { unitButtons } from './unit-buttons';

export async function sendDispatchToUnit(
  deps: StaffDeps,
  input: {
    report: ReportView;
    unitOperator: string;
    sendPhoto: boolean;
    actor: { username: string; role: string; displayName?: string };
    requestId?: string;
  },
): Promise<void> {
  const { report } = input;
  const unit = (await deps.links.linkedOperators()).find((o) => o.username === input.unitOperator);
  const lang = unit?.language ?? 'it';
  const t = staffTexts(lang);
  const zone = deps.naming.zoneName(report.location.zone ?? report.zone, lang);
  const address = report.location.address ?? report.address;
  const place = [address, zone].filter(Boolean).join(' — ') || `${report.location.point.lat.toFixed(5)}, ${report.location.point.lng.toFixed(5)}`;
  const photos = input.sendPhoto && report.photoRefs.length ? { reportId: report.id, mediaRefs: report.photoRefs } : undefined;
  const link = deps.naming.panelLink(report.id);
  const queued = await deps.outbox.enqueue({
    key: `dispatch:${report.id}:${report.version}`,
    operator: input.unitOperator,
    reportId: report.id,
    text: t.dispatch({
      ticket: report.ticketCode,
      category: deps.naming.categoryLabel(report.categoryId, lang),
      place,
      description: report.description,
      ...(report.observedWhen ? { observed: report.observedWhen.text } : {}),
      priority: Math.round(report.priority),
      by: input.actor.displayName ?? input.actor.username,
      ...(report.dispatch?.note ? { note: report.dispatch.note } : {}),
      ...(link ? { link } : {}),
    }),
    buttons: unitButtons(report.id, lang, 'dispatched'),
    place: { lat: report.location.point.lat, lng: report.location.point.lng, title: report.ticketCode, address: place },
    ...(photos ? { photos } : {}),
  });
  if (!queued) return;
  await deps.audit.record({
    actor: input.actor.username,
    actorRole: input.actor.role,
    action: 'staff.dispatch_sent',
    reportId: report.id,
    details: { unitOperator: input.unitOperator, photos: photos?.mediaRefs.length ?? 0 },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  if (photos)
    await deps.audit.record({
      actor: input.actor.username,
      actorRole: input.actor.role,
      action: 'photo.sent_to_unit',
      reason: `dispatch to ${input.unitOperator}`,
      reportId: report.id,
      details: { unitOperator: input.unitOperator, photos: photos.mediaRefs.length },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
}
