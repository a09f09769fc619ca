/**
 * Telling citizens about an agent's action on a report: the report's own citizen and every follower
 * (who confirmed it, or whose report was merged into it), each in their language, one message per
 * chat (channel + chatId) with its own idempotent outboundId, recorded in the outbound log and then
 * queued on its channel. A failure for one chat is logged and does not stop the others.
 */
import type { OutboundMessage } from '../domain/message';
import { FOLLOWER_NOTIFIED_ACTIONS, citizenNoticeText, type CitizenNotice, type NoticeReader } from '../domain/notifications';
import type { JobScheduler, OutboundLog, ReportFollower, ReportView } from '../domain/ports';
import type { ReportAction } from '../domain/report';
import type { Logger } from '../log/logger';

type Recipient = Pick<ReportFollower, 'channel' | 'chatId' | 'language'> & { reader: NoticeReader };

const chatKey = (r: Pick<ReportFollower, 'channel' | 'chatId'>) => `${r.channel}\n${r.chatId}`;

/** The report's citizen first, then each follower's chat once (a chat already reached is skipped). */
export function noticeRecipients(report: ReportView, followers: readonly ReportFollower[], action: ReportAction): Recipient[] {
  const out: Recipient[] = [{ channel: report.channel, chatId: report.chatId, language: report.language, reader: 'citizen' }];
  if (!FOLLOWER_NOTIFIED_ACTIONS.includes(action)) return out;
  const seen = new Set([chatKey(report)]);
  for (const f of followers) {
    if (seen.has(chatKey(f))) continue;
    seen.add(chatKey(f));
    out.push({ channel: f.channel, chatId: f.chatId, language: f.language, reader: 'follower' });
  }
  return out;
}

/**
 * The messages for one action. The citizen's outboundId is `<report>:<action>:<version>` (as before
 * followers existed); a follower's adds its chat, so each chat gets the update exactly once.
 */
export function noticeMessages(
  report: ReportView,
  followers: readonly ReportFollower[],
  action: ReportAction,
  notice: CitizenNotice,
): OutboundMessage[] {
  const base = `${report.id}:${action}:${report.version}`;
  return noticeRecipients(report, followers, action).map((r) => ({
    channel: r.channel,
    chatId: r.chatId,
    text: citizenNoticeText(notice, report.ticketCode, r.language, r.reader),
    purpose: 'status-update',
    reportId: report.id,
    outboundId: r.reader === 'citizen' ? base : `${base}:${r.channel}:${r.chatId}`,
  }));
}

export async function sendNotices(
  deps: { outbound: OutboundLog; scheduler: JobScheduler; logger: Logger },
  messages: readonly OutboundMessage[],
): Promise<void> {
  for (const msg of messages) {
    try {
      await deps.outbound.record(msg);
      await deps.scheduler.enqueueOutbound(msg);
    } catch (err) {
      deps.logger.error(`notice ${msg.outboundId} for report ${msg.reportId} failed: ${(err as Error).message}`);
    }
  }
}
