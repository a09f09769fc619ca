/**
 * Paging the on-call officer outside service hours, through the staff bot: every urgent report
 * (priority at or above the alert threshold) still new while the service is closed, and every
 * message that read like an emergency. The page names the ticket, category, zone and priority and
 * links the panel — never anything about the citizen. Each page is queued once per report (or
 * message) and officer, so the pass can run as often as it likes, in any process.
 */
import type { ReportStore } from '../../domain/ports';
import type { Channel } from '../../domain/message';
import { isOpen, type ServiceHours } from '../../domain/service-hours';
import type { StaffDeps } from './staff-deps';
import { staffTexts } from './staff-texts';

/** How far back a pass looks for urgent reports nobody has taken. */
const LOOK_BACK_MS = 12 * 60 * 60_000;

export type PagerDeps = Pick<StaffDeps, 'links' | 'outbox' | 'naming'> & {
  reports: Pick<ReportStore, 'listItems'>;
  serviceHours: ServiceHours;
  /** Reports at or above this priority page the on-call officer. */
  threshold: number;
};

const onCall = async (deps: Pick<StaffDeps, 'links'>) => (await deps.links.linkedOperators()).filter((o) => o.onCall);

/** One pass: queues the pages due now; returns how many were queued. */
export async function pageOnCallForUrgentReports(deps: PagerDeps, now = new Date()): Promise<number> {
  if (isOpen(deps.serviceHours, now)) return 0;
  const officers = await onCall(deps);
  if (!officers.length) return 0;
  const urgent = (
    await deps.reports.listItems({ status: ['new'], from: new Date(now.getTime() - LOOK_BACK_MS) }, { limit: 100, offset: 0, sort: 'priority' })
  ).filter((r) => r.priority >= deps.threshold);
  let queued = 0;
  for (const report of urgent)
    for (const officer of officers) {
      const t = staffTexts(officer.language);
      const link = deps.naming.panelLink(report.id);
      const text = t.page({
        ticket: report.ticketCode,
        category: deps.naming.categoryLabel(report.categoryId, officer.language),
        zone: deps.naming.zoneName(report.location.zone ?? report.zone, officer.language),
        priority: Math.round(report.priority),
        ...(link ? { link } : {}),
      });
      if (await deps.outbox.enqueue({ key: `page:${report.id}:${officer.username}`, operator: officer.username, reportId: report.id, text })) queued++;
    }
  return queued;
}

const CHANNEL_NAMES: Record<Channel, string> = { telegram: 'Telegram', whatsapp: 'WhatsApp', 'whatsapp-cloud': 'WhatsApp', simulator: 'Simulatore' };

/** A message that read like an emergency, outside service hours: the on-call officers are paged once each. */
export async function pageOnCallForEmergency(
  deps: Pick<PagerDeps, 'links' | 'outbox' | 'naming' | 'serviceHours'> & { panelHome?: string },
  message: { channel: Channel; messageId: string; at: Date },
): Promise<void> {
  if (isOpen(deps.serviceHours, message.at)) return;
  for (const officer of await onCall(deps)) {
    const time = message.at.toLocaleTimeString(officer.language === 'en' ? 'en-GB' : 'it-IT', {
      timeZone: deps.serviceHours.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    await deps.outbox.enqueue({
      key: `emergency:${message.channel}:${message.messageId}:${officer.username}`,
      operator: officer.username,
      text: staffTexts(officer.language).emergencyPage({
        channel: CHANNEL_NAMES[message.channel],
        time,
        ...(deps.panelHome ? { link: deps.panelHome } : {}),
      }),
    });
  }
}
